import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, hasStackTrace, mip, ROOT, tempDir } from "./helpers.js";

beforeAll(() => ensureBuilt());

describe("mip dispatcher", () => {
  it("prints help listing every command of docs/CLI.md", () => {
    const run = mip(["--help"], tempDir());
    expect(run.code).toBe(0);
    for (const command of ["template", "validate", "report", "summary", "demo"])
      expect(run.stdout).toContain(`mip ${command}`);
    const topic = mip(["help", "validate"], tempDir());
    expect(topic.code).toBe(0);
    expect(topic.stdout).toContain("--report-date");
  });

  it("prints the package version", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
    const run = mip(["--version"], tempDir());
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(pkg.version);
  });

  it("rejects an unknown command with exit 2 and no stack trace", () => {
    const run = mip(["frobnicate"], tempDir());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Неизвестная команда «frobnicate»");
    expect(hasStackTrace(run.stderr)).toBe(false);
  });
});

describe("mip demo", () => {
  it("makes the sample workbook, its validation, report and summary; a second run adds numbered files", () => {
    const dir = tempDir();
    const run = mip(["demo", "--out", "demo"], dir);
    expect(run.code).toBe(0);
    expect(hasStackTrace(run.stderr)).toBe(false);
    const files = readdirSync(join(dir, "demo"));
    expect(files).toContain("Пример МИП — сетевое наставничество.xlsx");
    expect(files).toContain("Пример МИП — проверка.txt");
    const check = readFileSync(join(dir, "demo", "Пример МИП — проверка.txt"), "utf8");
    expect(check).toContain("Найдено: 2 ошибки, 2 предупреждения.");
    expect(check).not.toContain("\u001b[");
    expect(run.stdout).toContain("Пример проекта записан");
    expect(readdirSync(join(dir, "demo", "Таблицы школ")).sort()).toEqual([
      "Берёзовская ООШ.xlsx",
      "СОШ № 4.xlsx",
      "Центр развития образования.xlsx",
    ]);

    const again = mip(["demo", "--out", "demo"], dir);
    expect(again.code).toBe(0);
    const after = readdirSync(join(dir, "demo"));
    expect(after).toContain("Пример МИП — сетевое наставничество (2).xlsx");
    expect(after.length).toBeGreaterThan(files.length);
  });

  it("exits 2 when the output is a file", () => {
    const dir = tempDir();
    mip(["template", "--out", "x.xlsx"], dir);
    const run = mip(["demo", "--out", "x.xlsx"], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/нужна папка/);
  });

  it("creates missing parent folders, and says why when it cannot (a file in the way, a folder under /proc)", () => {
    const dir = tempDir();
    expect(mip(["demo", "--out", join("a", "b", "demo")], dir).code).toBe(0);
    expect(readdirSync(join(dir, "a", "b", "demo"))).toContain("Пример МИП — проверка.txt");
    mip(["template", "--out", "x.xlsx"], dir);
    const blocked = mip(["demo", "--out", join("x.xlsx", "demo")], dir);
    expect(blocked.code).toBe(2);
    expect(blocked.stderr).toMatch(/файл, а не папка/);
    // Node's recursive mkdir never returns under /proc; the command must answer at once.
    if (process.platform === "linux") {
      const proc = mip(["demo", "--out", "/proc/mip-demo/out"], dir);
      expect(proc.code).toBe(2);
      expect(proc.stderr).toMatch(/^Не удалось записать пример в «\/proc\/mip-demo\/out»: /);
      expect(hasStackTrace(proc.stderr)).toBe(false);
    }
  });
});

describe("terminal colours", () => {
  it("colour only on a terminal and never with NO_COLOR", async () => {
    const { painter } = await import("../../src/local/style.js");
    const saved = process.env.NO_COLOR;
    const savedTerm = process.env.TERM;
    try {
      delete process.env.NO_COLOR;
      process.env.TERM = "xterm-256color";
      expect(painter({ isTTY: true }).red("ошибка")).toBe("\u001b[31mошибка\u001b[39m");
      expect(painter({ isTTY: false }).red("ошибка")).toBe("ошибка");
      process.env.NO_COLOR = "1";
      expect(painter({ isTTY: true }).red("ошибка")).toBe("ошибка");
    } finally {
      if (savedTerm === undefined) delete process.env.TERM;
      else process.env.TERM = savedTerm;
      if (saved === undefined) delete process.env.NO_COLOR;
      else process.env.NO_COLOR = saved;
    }
  });
});
