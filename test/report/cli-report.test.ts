/** `mip report`: exit codes, never overwriting, strict mode, unusable input. */
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { captureOutput } from "../helpers/capture-output.js";
import type { WorkbookGrid } from "../../src/core/grid.js";
import { draftNotice, parseReportArgs, run } from "../../src/local/commands/report.js";
import { freePath } from "../../src/local/files.js";
import { writeReportFile } from "../../src/local/report-file.js";
import { writeWorkbookGrid } from "../../src/local/xlsx-write.js";
import { FIXTURE_DATA, fixtureGrid } from "./fixture.js";

let dir: string;
let out: string[];
let err: string[];

/** A grid whose leader is missing: the real validator reports GEN_REQUIRED as an error. */
function gridWithError(): WorkbookGrid {
  return fixtureGrid({ general: { ...FIXTURE_DATA.general, leader: "" } });
}

async function xlsx(name: string, grid: WorkbookGrid): Promise<string> {
  const path = join(dir, name);
  writeFileSync(path, await writeWorkbookGrid(grid));
  return path;
}

async function documentText(path: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  return (await zip.file("word/document.xml")!.async("string")).replace(/<[^>]+>/g, "");
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "mip-report-cli-"));
});

beforeEach(() => {
  out = [];
  err = [];
  captureOutput(
    (text) => out.push(text),
    (text) => err.push(text),
  );
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("mip report", () => {
  it("writes the report next to the input under the document's name and exits 0", async () => {
    const sub = mkdtempSync(join(dir, "default-"));
    const input = join(sub, "school.xlsx");
    writeFileSync(input, await writeWorkbookGrid(fixtureGrid()));
    const code = await run([input]);
    expect(code).toBe(0);
    const expected = join(sub, "Отчёт МИП — МОУ «Берёзовская СОШ» — 2022.docx");
    expect(existsSync(expected)).toBe(true);
    expect(out.join("")).toContain(`Отчёт записан: ${expected}`);
    expect(await documentText(expected)).toContain("1. Общие сведения");
  });

  it("never overwrites: an existing --out gets «(2)», then «(3)», and the old file is untouched", async () => {
    const input = await xlsx("keep.xlsx", fixtureGrid());
    const target = join(dir, "отчёт.docx");
    writeFileSync(target, "старый документ");
    expect(await run([input, "--out", target])).toBe(0);
    expect(readFileSync(target, "utf8")).toBe("старый документ");
    expect(existsSync(join(dir, "отчёт (2).docx"))).toBe(true);
    expect(out.join("")).toContain(`Отчёт записан: ${join(dir, "отчёт (2).docx")}`);
    expect(await run([input, "--out", target])).toBe(0);
    expect(existsSync(join(dir, "отчёт (3).docx"))).toBe(true);
  });

  it("adds .docx to an --out without extension", async () => {
    const input = await xlsx("ext.xlsx", fixtureGrid());
    expect(await run([input, "--out", join(dir, "без-расширения")])).toBe(0);
    expect(existsSync(join(dir, "без-расширения.docx"))).toBe(true);
  });

  it("with errors and no --strict writes a draft and says so", async () => {
    const input = await xlsx("draft.xlsx", gridWithError());
    const target = join(dir, "draft.docx");
    expect(await run([input, "--out", target])).toBe(0);
    expect(out.join("")).toMatch(/черновик: в таблице \d+ ошиб/);
    const text = await documentText(target);
    expect(text).toContain("ЧЕРНОВИК");
    expect(text).toContain("Приложение. Ошибки, найденные при проверке таблицы");
  });

  it("the draft notice agrees with the number of errors", async () => {
    expect(draftNotice(1)).toBe(
      "Это черновик: в таблице 1 ошибка. Она перечислена в " +
        "приложении к отчёту; исправьте её и сформируйте отчёт заново.",
    );
    expect(draftNotice(3)).toBe(
      "Это черновик: в таблице 3 ошибки. Они перечислены в " +
        "приложении к отчёту; исправьте их и сформируйте отчёт заново.",
    );
    expect(draftNotice(21)).toContain("в таблице 21 ошибка. Они перечислены");
    // The fixture without a leader has exactly one error.
    const input = await xlsx("one-error.xlsx", gridWithError());
    expect(await run([input, "--out", join(dir, "one-error.docx")])).toBe(0);
    expect(out.join("")).toContain(draftNotice(1));
  });

  it("--strict with errors writes nothing, prints the errors and exits 1", async () => {
    const input = await xlsx("strict.xlsx", gridWithError());
    const target = join(dir, "strict.docx");
    expect(await run([input, "--out", target, "--strict"])).toBe(1);
    expect(existsSync(target)).toBe(false);
    expect(err.join("")).toContain("Отчёт не сформирован");
    expect(err.join("")).toContain("Общие сведения");
  });

  it("unusable input exits 2 with one Russian sentence and no stack trace", async () => {
    const notXlsx = join(dir, "notes.xlsx");
    writeFileSync(notXlsx, "просто текст");
    for (const args of [[notXlsx], [join(dir, "нет-такого.xlsx")], [dir], []]) {
      err = [];
      expect(await run(args)).toBe(2);
      const text = err.join("");
      expect(text).not.toMatch(/at .*\.(ts|js):\d+/);
      expect(text).toMatch(/[А-Яа-яЁё]/);
    }
    const foreign = await xlsx("foreign.xlsx", { tabs: [{ title: "Лист1", rows: [["a", "b"]] }] });
    err = [];
    expect(await run([foreign])).toBe(2);
    expect(err.join("")).toContain("не таблица МИП");
    expect(readdirSync(dir).some((n) => n.startsWith("Отчёт МИП — без названия"))).toBe(false);
  });

  it("cannot write into a missing folder: exit 2 with a clear message", async () => {
    const input = await xlsx("nowhere.xlsx", fixtureGrid());
    expect(await run([input, "--out", join(dir, "нет-папки", "отчёт.docx")])).toBe(2);
    expect(err.join("")).toContain("Не удалось записать отчёт (такой папки нет)");
  });

  it("parses its arguments strictly", () => {
    expect(parseReportArgs(["a.xlsx", "--strict"])).toEqual({ file: "a.xlsx", out: null, strict: true });
    expect(parseReportArgs(["a.xlsx", "--bogus"])).toHaveProperty("error");
    expect(parseReportArgs(["a.xlsx", "b.xlsx"])).toHaveProperty("error");
    expect(parseReportArgs(["--help"])).toEqual({ help: true });
    // Usage errors come from the shared parser (src/local/args.ts), in the long form people type.
    expect(parseReportArgs(["a.xlsx", "--out"])).toEqual({ error: "После --out укажите значение." });
    expect(parseReportArgs(["a.xlsx", "--bogus"])).toEqual({ error: "Неизвестный или неполный параметр «--bogus»." });
  });
});

describe("writeReportFile (for mip demo)", () => {
  it("returns where it wrote and whether it is a draft", async () => {
    const result = await writeReportFile(fixtureGrid(), null, { defaultDir: dir, today: "2022-12-20" });
    expect(result.kind).toBe("written");
    if (result.kind !== "written") return;
    expect(result.path.startsWith(dir)).toBe(true);
    expect(result.bytes).toBeGreaterThan(5000);
    expect(readFileSync(result.path).subarray(0, 2).toString("latin1")).toBe("PK");
  });

  it("numbers names on disk", () => {
    const taken = new Set(["/x/a.docx", "/x/a (2).docx"]);
    expect(freePath("/x/a.docx", (p) => taken.has(p))).toBe("/x/a (3).docx");
  });

  it("never overwrites when called twice with the same path", async () => {
    const target = join(dir, "demo-twice.docx");
    const first = await writeReportFile(fixtureGrid(), target, { today: "2022-12-20" });
    const second = await writeReportFile(fixtureGrid(), target, { today: "2022-12-20" });
    expect(first.kind === "written" && first.path).toBe(target);
    expect(second.kind === "written" && second.path).toBe(join(dir, "demo-twice (2).docx"));
    expect(second.kind === "written" && second.requestedPath).toBe(target);
  });
});
