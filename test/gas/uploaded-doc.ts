/**
 * A DocModel made into a fake Google Doc the way the add-on makes it — the .docx package zipped
 * by Utilities and imported by the Drive upload (src/gas/drive-files.ts) — for tests that run the
 * Docs API pass on their own. The fakes are installed as globals for the call only.
 */
import type { DocModel } from "../../src/core/report/model.js";
import { reportPackage } from "../../src/gas/docx-package.js";
import { createReportDocument } from "../../src/gas/drive-files.js";
import type { FakeServices } from "./fake/index.js";

export function withGlobals<T>(globals: Record<string, unknown>, fn: () => T): T {
  const scope = globalThis as Record<string, unknown>;
  const saved = Object.fromEntries(Object.keys(globals).map((name) => [name, scope[name]]));
  Object.assign(scope, globals);
  try {
    return fn();
  } finally {
    Object.assign(scope, saved);
  }
}

/** The id of the new document in the fake Drive's root. */
export function uploadModel(fake: FakeServices, model: DocModel): string {
  return withGlobals(
    { Drive: fake.driveV3, Utilities: fake.globals.Utilities },
    () => createReportDocument({ name: model.title, folderId: fake.drive.rootId, parts: reportPackage(model) }).id,
  );
}
