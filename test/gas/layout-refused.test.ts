/**
 * When Google refuses the report's layout batch, the report is still made — and the user is told,
 * in Russian, what the document lacks, in the sidebar's result and in the menu's dialog; the
 * document is left as Drive converted the uploaded .docx. The refusal here is a real one: the
 * batch the add-on built, with one unknown field planted, refused by the fake's check against the
 * Docs API's published definition.
 */
import { describe, expect, it } from "vitest";
import type { ReportOutcome } from "../../src/api.js";
import { schoolGrid } from "../committee/fixtures.js";
import { committeeEnv } from "../committee/gas-env.js";
import { unexpectedRefusals } from "./fake/api-schema/index.js";
import { CallCounter, FakeTable, spreadsheetFromGrid } from "./fake/index.js";
import { lastAlert } from "./inspect.js";
import { NOW, sampleGrid } from "./fixtures.js";
import { type GasEnvironment, createGasEnvironment } from "./load-bundle.js";

type Json = Record<string, unknown>;

/** The school environment whose Docs service plants an unknown field in every batch before sending it. */
function withFaultyBatch(): GasEnvironment {
  const counter = new CallCounter();
  return faultyBatches(
    createGasEnvironment({ spreadsheet: spreadsheetFromGrid(sampleGrid(), counter), counter, now: NOW }),
  );
}

function faultyBatches<E extends GasEnvironment>(env: E): E {
  const docs = env.fake.docsApi;
  env.global.Docs = {
    Documents: {
      get: (id: string, args: Json) => docs.Documents.get(id, args),
      batchUpdate: (resource: Json, id: string) => {
        const planted: Json = { ...resource, writeControll: {} };
        return docs.Documents.batchUpdate(planted, id);
      },
    },
  };
  return env;
}

function reportDocument(env: GasEnvironment, url: string) {
  const id = /id=([^&]+)/.exec(url)?.[1] ?? /\/d\/([^/]+)/.exec(url)?.[1] ?? "";
  const doc = env.fake.documentApp._documents.get(id);
  if (!doc) throw new Error(`no document ${url}`);
  return doc;
}

const MISSING =
  /^Документ создан, но Google Документы не приняли его оформление: .*шапки таблиц не повторяются на каждой странице; строки таблиц могут разрываться между страницами.*\. Текст отчёта полный/;

describe("a refused layout batch", () => {
  it("the sidebar's result says what the document lacks; the document is as Drive converted the upload", () => {
    const env = withFaultyBatch();
    const outcome = env.call<ReportOutcome>("sidebarGenerateReport");
    expect(outcome.kind).toBe("created");
    if (outcome.kind !== "created") return;
    expect(outcome.notice).toMatch(MISSING);
    // Exactly the planted fault was refused, by the check against the Docs API's definition.
    const refused = env.fake.refusals.take();
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatch(/docs\.documents\.batchUpdate: .*Unknown name "writeControll"/);
    const tables = reportDocument(env, outcome.report.url)._body._children.filter(
      (c): c is FakeTable => c instanceof FakeTable,
    );
    expect(tables.length).toBeGreaterThan(0);
    expect(tables.every((t) => t._pinnedHeaderRows === 0)).toBe(true);
  });

  it("the menu's dialog says it too", () => {
    const env = withFaultyBatch();
    env.fns.menuGenerateReport!();
    const dialog = env.fake.ui._dialogs.at(-1);
    expect(dialog?.title).toBe("Отчёт готов");
    expect(dialog?.html.getContent()).toMatch(/не приняли его оформление: .*шапки таблиц не повторяются/);
    expect(env.fake.refusals.take()).toHaveLength(1);
  });

  it("a refusal no test takes is what fails the test at its end (test/setup/refused-calls.ts)", () => {
    const env = withFaultyBatch();
    expect(env.call<ReportOutcome>("sidebarGenerateReport").kind).toBe("created");
    // The add-on caught the error and went on; the log still holds it, and the hook reports it.
    const left = unexpectedRefusals();
    expect(left).toHaveLength(1);
    expect(left[0]).toMatch(/^docs\.documents\.batchUpdate: GoogleJsonResponseException: .*writeControll/);
    expect(unexpectedRefusals()).toEqual([]);
  });

  it("an accepted batch adds no notice", () => {
    const counter = new CallCounter();
    const env = createGasEnvironment({ spreadsheet: spreadsheetFromGrid(sampleGrid(), counter), counter, now: NOW });
    const outcome = env.call<ReportOutcome>("sidebarGenerateReport");
    expect(outcome.kind).toBe("created");
    expect(outcome.kind === "created" ? outcome.notice : "blocked").toBeUndefined();
    expect(env.fake.refusals.size).toBe(0);
  });

  it("the committee's сводка says it in its message", () => {
    const env = committeeEnv([
      {
        id: "1schoollayout0001abcdefghijklmnop",
        organisation: "Школа № 3",
        grid: schoolGrid({ shortName: "Школа № 3" }),
      },
    ]);
    env.run("committeeRefresh");
    faultyBatches(env);
    expect(env.run("committeeMakeSummary")).not.toBeNull();
    expect(lastAlert(env.fake)).toMatch(
      /^Сводка по 1 организации готова: .*\nДокумент создан, но Google Документы не приняли его оформление: /s,
    );
    expect(env.fake.refusals.take()).toHaveLength(1);
  });
});
