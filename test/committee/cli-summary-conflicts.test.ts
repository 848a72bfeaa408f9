/**
 * `mip summary` over a folder of two workbooks that list one pair differently: --json names
 * both files and both versions (the contract's fields unchanged), and the «Сводка по МИП»
 * .docx lists them in its appendix. Invented names only.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Cell } from "../../src/core/grid.js";
import { captureOutput } from "../helpers/capture-output.js";
import { run } from "../../src/local/commands/summary.js";
import { writeWorkbookGrid } from "../../src/local/xlsx-write.js";
import { pairRow, schoolGrid } from "./fixtures.js";

let dir: string;
let folder: string;
let out: string[];

const ORGS: Cell[][] = [
  ["МОУ «Ольховская СОШ»", "Школа с НОР", "", ""],
  ["МОУ «Ясеневская СОШ»", "Школа с НОР", "", ""],
];

function pair(mentor: string, mentorOrg: string, mentee: string, menteeOrg: string): Cell[] {
  const row = pairRow("1", mentor, "Физика", mentee, "Активна");
  row[2] = mentorOrg;
  row[5] = menteeOrg;
  return row;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "mip-summary-conflicts-"));
  folder = join(dir, "schools");
  mkdirSync(folder);
  // Ольховская lists its teacher Дроздова with mentor Беляев; Ясеневская names Дроздова as its own, with mentor Рябова.
  writeFileSync(
    join(folder, "olkhovka.xlsx"),
    await writeWorkbookGrid(
      schoolGrid({
        shortName: "МОУ «Ольховская СОШ»",
        rows: {
          Организации: ORGS,
          Наставничество: [
            pair("Беляев Пётр Ильич", "Ольховская СОШ", "Дроздова Нина Сергеевна", "МОУ «Ольховская СОШ»"),
          ],
        },
      }),
    ),
  );
  writeFileSync(
    join(folder, "yasenevo.xlsx"),
    await writeWorkbookGrid(
      schoolGrid({
        shortName: "МОУ «Ясеневская СОШ»",
        rows: {
          Организации: ORGS,
          Наставничество: [pair("Рябова Анна Львовна", "Ясеневская СОШ", "Дроздова Нина Сергеевна", "Ясеневская СОШ")],
        },
      }),
    ),
  );
});

beforeEach(() => {
  out = [];
  captureOutput(
    (text) => out.push(text),
    () => undefined,
  );
});

afterEach(() => vi.restoreAllMocks());

describe("mip summary over two workbooks that list one pair differently", () => {
  it("--json names both files and both versions, the schools' fields unchanged", async () => {
    expect(await run([folder, "--json"])).toBe(0);
    const json = JSON.parse(out.join("")) as {
      schools: Record<string, unknown>[];
      totals: { mentees: number; mentors: number };
      differentlyListed: unknown;
    };
    expect(Object.keys(json)).toEqual(["schools", "totals", "differentlyListed"]);
    for (const s of json.schools)
      expect(Object.keys(s)).toEqual(["file", "organisation", "state", "reportType", "summary", "metrics"]);
    // One mentee, counted once; two mentors, one in each workbook.
    expect(json.totals).toMatchObject({ mentees: 1, mentors: 2 });
    const file = (name: string) => expect.stringMatching(new RegExp(`schools[\\\\/]${name}$`, "u"));
    expect(json.differentlyListed).toEqual({
      mentors: [
        {
          mentee: "Дроздова Нина Сергеевна",
          subject: "Физика",
          versions: [
            { file: file("olkhovka.xlsx"), organisation: "МОУ «Ольховская СОШ»", mentors: ["Беляев Петр Ильич"] },
            { file: file("yasenevo.xlsx"), organisation: "МОУ «Ясеневская СОШ»", mentors: ["Рябова Анна Львовна"] },
          ],
        },
      ],
      places: [
        {
          person: "Дроздова Нина Сергеевна",
          versions: [
            {
              file: file("olkhovka.xlsx"),
              organisation: "МОУ «Ольховская СОШ»",
              roles: ["mentee"],
              organisations: ["МОУ «Ольховская СОШ»"],
            },
            {
              file: file("yasenevo.xlsx"),
              organisation: "МОУ «Ясеневская СОШ»",
              roles: ["mentee"],
              organisations: ["МОУ «Ясеневская СОШ»"],
            },
          ],
        },
      ],
    });
  });

  it("the «Сводка по МИП» .docx lists both versions in its appendix", async () => {
    const target = join(dir, "svodka.docx");
    expect(await run([folder, "--docx", target])).toBe(0);
    const xml = await (await JSZip.loadAsync(readFileSync(target))).file("word/document.xml")!.async("string");
    const text = xml
      .replace(/<\/w:tc>/g, " | ")
      .replace(/<[^>]+>/g, "")
      .replace(/\u00a0/g, " ");
    const appendix = text.slice(text.indexOf("Приложение. Итоги проверки таблиц МИП"));
    expect(appendix).toContain("у 1 наставляемого по тому же предмету разные наставники");
    expect(appendix).toContain("Таблицы организаций указывают 1 участника наставничества в разных организациях");
    expect(appendix).toContain("Дроздова Нина Сергеевна | МОУ «Ольховская СОШ» | наставляемый | МОУ «Ольховская СОШ»");
    expect(appendix).toContain("Дроздова Нина Сергеевна | МОУ «Ясеневская СОШ» | наставляемый | МОУ «Ясеневская СОШ»");
  });
});
