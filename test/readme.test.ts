/**
 * The README a coordinator reads: short, the school's path first and without a terminal, and the
 * same word about the report folder as the template's hint in «Настройки».
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SETTINGS } from "../src/core/schema.js";
import { OWN_FOLDER_NAME } from "../src/gas/drive-files.js";

const README = readFileSync(join(import.meta.dirname, "..", "README.md"), "utf8");
const lines = README.split("\n");

describe("README", () => {
  it("stays under 200 lines and keeps the two commands", () => {
    expect(lines.length).toBeLessThan(200);
    expect(README).toContain("npm install && npm run demo");
    expect(README).toContain("npm test");
  });

  it("gets a coordinator to a working sheet in its first 40 lines, without a terminal", () => {
    const first = lines.slice(0, 40).join("\n");
    expect(first).toContain("Расширения → МИП-отчёт → Проверить таблицу");
    expect(first).toContain("Сформировать отчёт");
    expect(first).toContain("Создать / обновить шаблон");
    expect(first).not.toMatch(/\b(npm|npx|clasp|node)\b/);
  });

  it("says about the report folder what the template's hint says", () => {
    const hint = SETTINGS.fields.find((f) => f.key === "report_folder")!.hint;
    const paragraph = README.slice(README.indexOf("**Куда ложится отчёт.**")).split("\n\n")[0]!.replace(/\s+/g, " ");
    expect(hint).toContain(`«${OWN_FOLDER_NAME}» на вашем Диске`);
    expect(paragraph).toContain(`«${OWN_FOLDER_NAME}» на вашем Диске`);
    expect(hint).toContain("созданная дополнением");
    expect(paragraph).toContain("созданную дополнением");
    expect(hint).toContain("mip report кладёт отчёт рядом с файлом");
    expect(paragraph).toContain("mip report` на компьютере пишет отчёт рядом с файлом");
  });
});
