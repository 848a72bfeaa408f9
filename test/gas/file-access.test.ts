/**
 * The fake refuses what Google refuses under drive.file (file-access.ts): a Docs, Drive or
 * Sheets API call on a file the app neither created nor was given; and its Utilities.zip and
 * Drive import are real enough to be checked from outside (real zip bytes; a broken upload makes
 * no file).
 */
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import type { ReportOutcome } from "../../src/api.js";
import {
  CallCounter,
  FakeBlob,
  FakeDocument,
  SCOPE,
  createFakeServices,
  fileRefusal,
  spreadsheetFromGrid,
} from "./fake/index.js";
import { NOW, documentIdOf, sampleGrid } from "./fixtures.js";
import { createGasEnvironment } from "./load-bundle.js";

const SCHOOL_SCOPES = [SCOPE.spreadsheetsCurrentonly, SCOPE.containerUi, SCOPE.driveFile];
const DOCS_MIME = "application/vnd.google-apps.document";

/** The fake services under the school's scopes, with a Doc of the user's that the add-on was never given. */
function withForeignDoc(scopes: readonly string[] = SCHOOL_SCOPES) {
  const fake = createFakeServices({ scopes });
  fake.drive._addUserItem({ id: "users-own-doc", name: "Чужой документ", mimeType: DOCS_MIME });
  fake.documentApp._documents.set("users-own-doc", new FakeDocument("users-own-doc", fake.drive, fake.counter));
  return fake;
}

describe("drive.file per file", () => {
  it("Docs: a document the add-on did not create nor open is refused (403); one it created is read", () => {
    const fake = withForeignDoc();
    expect(() => fake.docsApi.Documents.get("users-own-doc", { fields: "body.content(startIndex)" })).toThrow(
      fileRefusal("Docs.Documents.get", "users-own-doc").message,
    );
    expect(() => fake.docsApi.Documents.batchUpdate({ requests: [] }, "users-own-doc")).toThrow(
      /docs\.documents\.batchUpdate failed with error: The caller does not have permission/,
    );
    expect(fake.fileAccess.refused.map(([method]) => method)).toEqual([
      "Docs.Documents.get",
      "Docs.Documents.batchUpdate",
    ]);
    const created = fake.driveV3.Files.create({ name: "Свой", mimeType: DOCS_MIME }, null);
    expect(() => fake.docsApi.Documents.get(created.id, { fields: "body.content(startIndex)" })).not.toThrow();
    // With a scope that reaches every document (documents), the same call goes through.
    const wide = withForeignDoc([...SCHOOL_SCOPES, SCOPE.documents]);
    expect(() => wide.docsApi.Documents.get("users-own-doc", { fields: "body.content(startIndex)" })).not.toThrow();
  });

  it("Drive: a file not created nor granted answers 404 «File not found»; granted (Picker) files are reached", () => {
    const fake = createFakeServices({ scopes: SCHOOL_SCOPES });
    fake.drive._addUserItem({ id: "folder-of-user", name: "Папка", folder: true });
    fake.drive._addUserItem({ id: "picked-folder", name: "Выбранная", folder: true, granted: true });
    expect(() => fake.driveV3.Files.get("folder-of-user")).toThrow(
      "GoogleJsonResponseException: API call to drive.files.get failed with error: File not found: folder-of-user.",
    );
    expect(() =>
      fake.driveV3.Files.create({ name: "x", mimeType: DOCS_MIME, parents: ["folder-of-user"] }, null),
    ).toThrow(/drive\.files\.create failed with error: File not found: folder-of-user\./);
    expect(fake.driveV3.Files.get("picked-folder").id).toBe("picked-folder");
    expect(fake.driveV3.Files.list({}).files.map((f) => f.id)).not.toContain("folder-of-user");
    // The spreadsheet the add-on runs in counts as opened with it.
    expect(fake.driveV3.Files.get(fake.spreadsheet._id).id).toBe(fake.spreadsheet._id);
  });

  it("the school's report works end to end under exactly its three scopes, none of them sensitive", () => {
    const counter = new CallCounter();
    const env = createGasEnvironment({ spreadsheet: spreadsheetFromGrid(sampleGrid(), counter), counter, now: NOW });
    expect([...(env.fake.platform.scopes ?? [])].sort()).toEqual([...SCHOOL_SCOPES].sort());
    const outcome = env.call<ReportOutcome>("sidebarGenerateReport");
    expect(outcome.kind).toBe("created");
    if (outcome.kind !== "created") return;
    expect(env.fake.documentApp._documents.has(documentIdOf(outcome.report.url))).toBe(true);
    expect(env.fake.fileAccess.refused).toEqual([]);
  });
});

describe("Utilities.zip and the Drive import, as the platform does them", () => {
  it("Utilities.zip gives real zip bytes: another reader unzips every blob under its name", async () => {
    const fake = createFakeServices();
    const utilities = fake.globals.Utilities as {
      newBlob(d: string, t: string, n: string): FakeBlob;
      zip(b: FakeBlob[], n: string): FakeBlob;
    };
    const parts = { "[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document>Проба «ёлка»</w:document>" };
    const blobs = Object.entries(parts).map(([name, text]) => utilities.newBlob(text, "application/xml", name));
    const zip = utilities.zip(blobs, "проба.zip");
    expect(zip.getContentType()).toBe("application/zip");
    expect(zip.getName()).toBe("проба.zip");
    const read = await JSZip.loadAsync(Buffer.from(zip.getBytes().map((b) => b & 0xff)));
    expect(Object.keys(read.files)).toEqual(Object.keys(parts));
    for (const [name, text] of Object.entries(parts)) expect(await read.file(name)!.async("string")).toBe(text);
    expect(() =>
      utilities.zip([utilities.newBlob("x", "text/plain", "a"), utilities.newBlob("y", "text/plain", "a")], "z"),
    ).toThrow(/two blobs with one name/);
  });

  it("an upload Drive cannot import is refused and leaves no file behind", () => {
    const fake = createFakeServices();
    const utilities = fake.globals.Utilities as {
      newBlob(d: string, t: string, n: string): FakeBlob;
      zip(b: FakeBlob[], n: string): FakeBlob;
    };
    const before = fake.drive._files.size;
    const noDocument = utilities
      .zip([utilities.newBlob("<Types/>", "application/xml", "[Content_Types].xml")], "x.docx")
      .setContentType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(() => fake.driveV3.Files.create({ name: "Отчёт", mimeType: DOCS_MIME }, noDocument)).toThrow(
      /drive\.files\.create failed with error: The uploaded file is not a valid \.docx \(no word\/document\.xml\)/,
    );
    const notDocx = utilities.newBlob("просто текст", "text/plain", "x.txt");
    expect(() => fake.driveV3.Files.create({ name: "Отчёт", mimeType: DOCS_MIME }, notDocx)).toThrow(
      /Conversion from text\/plain is not supported/,
    );
    expect(fake.drive._files.size).toBe(before);
    expect(fake.documentApp._documents.size).toBe(0);
  });
});
