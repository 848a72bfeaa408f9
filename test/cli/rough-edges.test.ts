/**
 * The command's manners: the words the sidebar uses, suggestions that can be pasted back into a
 * shell, one rule for stdout and stderr, nothing written when there is nothing to upgrade,
 * FORCE_COLOR and NO_COLOR, per-school lines that name their file, and Ctrl-C.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { sampleGrid } from "../../src/demo/sample.js";
import { shellQuote } from "../../src/local/shell-quote.js";
import { writeSheets, writeTemplate, writeWorkbookGrid } from "../../src/local/xlsx-write.js";
import { BIN, ensureBuilt, mip, tempDir } from "./helpers.js";

beforeAll(() => ensureBuilt());

function mipWithEnv(args: readonly string[], cwd: string, env: Record<string, string | undefined>) {
  const base: NodeJS.ProcessEnv = { ...process.env, MIP_DEBUG: "" };
  delete base.NO_COLOR;
  delete base.FORCE_COLOR;
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", env: { ...base, ...env } });
  return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

describe("suggestions and words", () => {
  it("validate's text says «предупреждение», as the counts and the sidebar do", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "s.xlsx"), await writeWorkbookGrid(sampleGrid()));
    const run = mip(["validate", "s.xlsx"], dir);
    expect(run.stdout).toMatch(/^ {2}предупреждение /m);
    expect(run.stdout).toMatch(/^ {2}ошибка {9}\S/m);
    expect(run.stdout).not.toContain("внимание");
  });

  it("the suggested command, pasted into a shell, checks the same awkwardly named file", async () => {
    const dir = tempDir();
    const name = "школа №1 'старая' $HOME `x`.xlsx";
    writeFileSync(join(dir, name), await writeWorkbookGrid(sampleGrid()));
    const run = mip(["validate", name], dir);
    expect(run.code).toBe(1);
    const suggestion = /проверьте таблицу снова: (mip validate .+)$/m.exec(run.stdout)?.[1];
    expect(suggestion).toBe(`mip validate ${shellQuote(name)}`);
    expect(suggestion).not.toContain("«");
    const pasted = spawnSync("sh", ["-c", suggestion!.replace(/^mip /, `"${process.execPath}" "${BIN}" `)], {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1" },
    });
    expect(pasted.status).toBe(1);
    expect(pasted.stdout).toContain(`Проверка таблицы «${name}»`);
  });

  it("shellQuote keeps plain names and quotes the rest so a shell gives back the same text", () => {
    expect(shellQuote("школа-1.xlsx")).toBe("школа-1.xlsx");
    expect(shellQuote("a b.xlsx")).toBe("'a b.xlsx'");
    for (const text of ["a b", "it's", "$HOME", "`id`", '"q"', "a\\b", "!x", "*.xlsx", "a;b", ""]) {
      const echoed = execFileSync("sh", ["-c", `printf %s ${shellQuote(text)}`], { encoding: "utf8" });
      expect(echoed, text).toBe(text);
    }
  });
});

describe("streams", () => {
  it("report and summary write what they wrote to stdout; with --json stdout is the JSON alone", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "schools"));
    writeFileSync(join(dir, "schools", "a.xlsx"), await writeWorkbookGrid(sampleGrid()));
    const report = mip(["report", join("schools", "a.xlsx"), "--out", "r.docx"], dir);
    expect(report.code).toBe(0);
    expect(report.stdout).toContain("Отчёт записан:");
    expect(report.stderr).not.toContain("записан");

    const summary = mip(["summary", "schools", "--out", "svod.xlsx"], dir);
    expect(summary.code).toBe(0);
    expect(summary.stdout).toMatch(/^Свод записан: .*svod\.xlsx$/m);
    expect(summary.stderr).not.toContain("записан");
    expect(summary.stderr).toContain("Свод: читаю 1 файл…");

    const json = mip(["summary", "schools", "--json", "--out", "svod2.xlsx"], dir);
    expect(json.code).toBe(0);
    expect(() => JSON.parse(json.stdout)).not.toThrow();
    expect(json.stderr).toMatch(/^Свод записан: .*svod2\.xlsx$/m);
  });

  it("a summary's lines name the file, so schools with one name are told apart", async () => {
    const dir = tempDir();
    const bytes = await writeWorkbookGrid(sampleGrid());
    mkdirSync(join(dir, "schools"));
    for (const name of ["a.xlsx", "b.xlsx", "c.xlsx"]) writeFileSync(join(dir, "schools", name), bytes);
    const run = mip(["summary", "schools"], dir);
    const lines = run.stdout.split("\n").filter((l) => l.includes(" — "));
    expect(lines).toHaveLength(3);
    expect(new Set(lines).size).toBe(3);
    for (const name of ["a.xlsx", "b.xlsx", "c.xlsx"])
      expect(lines.filter((l) => l.includes(`(${join("schools", name)})`))).toHaveLength(1);
  });
});

describe("mip template --upgrade on a current workbook", () => {
  it("says there is nothing to do, exits 0 and writes nothing", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "current.xlsx"), await writeTemplate({ sample: true }));
    const before = readdirSync(dir).sort();
    const run = mip(["template", "--upgrade", "current.xlsx"], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/уже соответствует шаблону версии \d+: обновлять нечего, новый файл не записан/);
    expect(readdirSync(dir).sort()).toEqual(before);
    // An older workbook is still upgraded into a new file.
    const old = sampleGrid().tabs.map((t) => ({ title: t.title, rows: t.rows }));
    writeFileSync(join(dir, "old.xlsx"), await writeSheets(old, { templateVersion: "1" }));
    const upgraded = mip(["template", "--upgrade", "old.xlsx"], dir);
    expect(upgraded.code, upgraded.stderr).toBe(0);
    expect(readdirSync(dir).length).toBe(before.length + 2);
  });
});

describe("colour", () => {
  it("FORCE_COLOR colours output to a pipe, NO_COLOR prevents colour and wins over it, neither: no colour in a pipe", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "s.xlsx"), await writeWorkbookGrid(sampleGrid()));
    const ESC = "\u001b[";
    expect(mipWithEnv(["validate", "s.xlsx"], dir, { FORCE_COLOR: "1" }).stdout).toContain(ESC);
    expect(mipWithEnv(["validate", "s.xlsx"], dir, { FORCE_COLOR: "0" }).stdout).toContain(ESC);
    expect(mipWithEnv(["validate", "s.xlsx"], dir, { FORCE_COLOR: "" }).stdout).not.toContain(ESC);
    expect(mipWithEnv(["validate", "s.xlsx"], dir, { FORCE_COLOR: "1", NO_COLOR: "1" }).stdout).not.toContain(ESC);
    expect(mipWithEnv(["validate", "s.xlsx"], dir, {}).stdout).not.toContain(ESC);
  });
});

describe("Ctrl-C", () => {
  it("stops a long summary with a Russian sentence, exit 130, no temporary or partial files", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "schools"));
    writeFileSync(join(dir, "schools", "000.xlsx"), await writeWorkbookGrid(sampleGrid()));
    for (let i = 1; i < 80; i++)
      copyFileSync(join(dir, "schools", "000.xlsx"), join(dir, "schools", `${String(i).padStart(3, "0")}.xlsx`));
    const child = spawn(process.execPath, [BIN, "summary", "schools", "--out", "svod.xlsx"], {
      cwd: dir,
      env: { ...process.env, NO_COLOR: "1", MIP_DEBUG: "" },
    });
    let stderr = "";
    const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk: string) => {
      if (!stderr.includes("Свод: читаю") && (stderr += chunk).includes("Свод: читаю"))
        setTimeout(() => child.kill("SIGINT"), 200);
      else stderr += chunk;
    });
    expect(await exit).toBe(130);
    expect(stderr).toMatch(/^Остановлено \(Ctrl\+C\)\./m);
    expect(existsSync(join(dir, "svod.xlsx"))).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  }, 60_000);
});
