/**
 * Pairs two workbooks list differently: one teacher placed in two schools, two mentors for
 * one mentee. The digest keeps each person's organisation (older digests without it still
 * read), the comparison names both workbooks and both versions, and the «Сводка по МИП»
 * appendix lists them in Russian with the right plural forms. Invented names only.
 */
import { describe, expect, it } from "vitest";
import type { Cell, WorkbookGrid } from "../../src/core/grid.js";
import {
  type SchoolRecord,
  STATE_OK,
  buildSummaryDoc,
  committeeTotals,
  copyState,
  digestOf,
  pairConflicts,
  parseDigest,
  readRecord,
  serialiseDigest,
} from "../../src/core/committee/index.js";
import { blockText } from "../../src/core/report/model.js";
import { validateWorkbook } from "../../src/core/validate.js";
import { pairRow, schoolGrid } from "./fixtures.js";

const TODAY = "2022-12-20";

const ORGS: Cell[][] = [
  ["МОУ «Сосновская СОШ»", "Школа с НОР", "", ""],
  ["МОУ «Каменская СОШ»", "Школа с НОР", "", ""],
  ["МОУ «Озёрская гимназия»", "Школа-лидер", "", ""],
];

/** A pair row with both organisations as written. */
function placedPair(mentor: string, mentorOrg: string, subject: string, mentee: string, menteeOrg: string): Cell[] {
  const row = pairRow("1", mentor, subject, mentee, "Активна");
  row[2] = mentorOrg;
  row[5] = menteeOrg;
  return row;
}

function school(shortName: string, pairs: Cell[][]): WorkbookGrid {
  return schoolGrid({ shortName, rows: { Организации: ORGS, Наставничество: pairs } });
}

function record(grid: WorkbookGrid, id: string): SchoolRecord {
  return readRecord(
    { organisation: "", link: id, id, modified: "", updated: "" },
    grid,
    validateWorkbook(grid, { today: TODAY }),
  );
}

/** The text of the сводка's appendix, non-breaking spaces as spaces. */
function appendixOf(records: readonly SchoolRecord[]): string {
  const doc = buildSummaryDoc(records, { date: TODAY });
  const at = doc.blocks.findIndex((b) => b.type === "heading" && b.text.startsWith("Приложение"));
  return doc.blocks
    .slice(at)
    .flatMap(blockText)
    .join("\n")
    .replace(/\u00a0/g, " ");
}

// The gymnasium's workbook places its mentee Зорина in Сосновская; Каменская's own workbook has her at Каменская.
const gymnasium = school("МОУ «Озёрская гимназия»", [
  placedPair("Лаптева Ирина Олеговна", "Озёрская гимназия", "Математика", "Зорина Елена Ивановна", "Сосновская СОШ"),
]);
const kamenka = school("МОУ «Каменская СОШ»", [
  placedPair(
    "Лаптева Ирина Олеговна",
    "МОУ «Озёрская гимназия»",
    "Математика",
    "Зорина Елена Ивановна",
    "МОУ «Каменская СОШ»",
  ),
]);

describe("the digest keeps each person's organisation", () => {
  it("as the workbook's «Организации» tab names it, and reads back from its cell", () => {
    const digest = digestOf(validateWorkbook(gymnasium, { today: TODAY }));
    expect(digest.pairs?.orgs).toEqual(["МОУ «Озёрская гимназия»", "МОУ «Сосновская СОШ»"]);
    expect(digest.pairs?.list).toEqual([[0, 1, "Математика", "Активна", 0, 1]]);
    expect(parseDigest(serialiseDigest(digest))?.pairs).toEqual(digest.pairs);
  });

  it("a digest stored before organisations were kept still reads, counts and compares mentors", () => {
    const stored = digestOf(validateWorkbook(kamenka, { today: TODAY }));
    const old = JSON.parse(serialiseDigest(stored)) as { pairs: { list: unknown[][]; orgs?: unknown } };
    delete old.pairs.orgs;
    old.pairs.list = old.pairs.list.map((pair) => pair.slice(0, 4));
    const digest = parseDigest(JSON.stringify(old));
    expect(digest?.pairs?.orgs).toBeUndefined();
    const oldRecord: SchoolRecord = { ...record(kamenka, "kamenka.xlsx"), state: STATE_OK, digest };
    const records = [record(gymnasium, "gymnasium.xlsx"), oldRecord];
    // Nothing to compare places with; the pair is still counted once.
    expect(pairConflicts(records).places).toEqual([]);
    expect(committeeTotals(records)).toMatchObject({ pairsTotal: 1, mentees: 1, mentors: 1 });
  });
});

describe("one teacher in two schools", () => {
  it("is found with both workbooks and both organisations; the totals count her once", () => {
    const records = [record(gymnasium, "gymnasium.xlsx"), record(kamenka, "kamenka.xlsx")];
    expect(pairConflicts(records)).toEqual({
      mentors: [],
      places: [
        {
          person: "Зорина Елена Ивановна",
          versions: [
            {
              organisation: "МОУ «Озёрская гимназия»",
              id: "gymnasium.xlsx",
              roles: ["mentee"],
              organisations: ["МОУ «Сосновская СОШ»"],
            },
            {
              organisation: "МОУ «Каменская СОШ»",
              id: "kamenka.xlsx",
              roles: ["mentee"],
              organisations: ["МОУ «Каменская СОШ»"],
            },
          ],
        },
      ],
    });
    expect(committeeTotals(records)).toMatchObject({ mentees: 1, mentors: 1 });
  });

  it("is not found when two workbooks write one organisation differently («Озёрская гимназия», «МОУ «Озёрская гимназия»»)", () => {
    const kamenkaAgrees = school("МОУ «Каменская СОШ»", [
      placedPair(
        "Лаптева Ирина Олеговна",
        "МОУ «Озёрская гимназия»",
        "Математика",
        "Зорина Елена Ивановна",
        "МОУ «Сосновская СОШ»",
      ),
    ]);
    const records = [record(gymnasium, "gymnasium.xlsx"), record(kamenkaAgrees, "kamenka.xlsx")];
    expect(pairConflicts(records)).toEqual({ mentors: [], places: [] });
    expect(appendixOf(records)).not.toContain("по-разному");
    expect(appendixOf(records)).not.toContain("в разных организациях");
  });

  it("a mentor in one workbook and a mentee in another are both named with their roles", () => {
    const sosnovka = school("МОУ «Сосновская СОШ»", [
      placedPair("Зорина Елена Ивановна", "Сосновская СОШ", "Математика", "Чижов Олег Павлович", "Сосновская СОШ"),
    ]);
    const records = [record(kamenka, "kamenka.xlsx"), record(sosnovka, "sosnovka.xlsx")];
    const [conflict] = pairConflicts(records).places;
    expect(conflict?.versions.map((v) => [v.organisation, v.roles, v.organisations])).toEqual([
      ["МОУ «Каменская СОШ»", ["mentee"], ["МОУ «Каменская СОШ»"]],
      ["МОУ «Сосновская СОШ»", ["mentor"], ["МОУ «Сосновская СОШ»"]],
    ]);
    expect(appendixOf(records)).toContain(
      "Зорина Елена Ивановна | МОУ «Сосновская СОШ» | наставник | МОУ «Сосновская СОШ»",
    );
  });

  it("a workbook marked as a copy is not compared", () => {
    const copy: SchoolRecord = { ...record(kamenka, "kamenka.xlsx"), state: copyState("МОУ «Озёрская гимназия»") };
    expect(pairConflicts([record(gymnasium, "gymnasium.xlsx"), copy]).places).toEqual([]);
  });

  it("the сводка's appendix lists every version, with the plural form of the count", () => {
    const one = appendixOf([record(gymnasium, "gymnasium.xlsx"), record(kamenka, "kamenka.xlsx")]);
    expect(one).toContain("Таблицы организаций указывают 1 участника наставничества в разных организациях");
    expect(one).toContain("Наставник или наставляемый | Таблица организации | Роль в этой таблице | Организация");
    expect(one).toContain("Зорина Елена Ивановна | МОУ «Озёрская гимназия» | наставляемый | МОУ «Сосновская СОШ»");
    expect(one).toContain("Зорина Елена Ивановна | МОУ «Каменская СОШ» | наставляемый | МОУ «Каменская СОШ»");

    // Both teachers of the pair placed elsewhere: two people, «2 участников».
    const kamenkaBoth = school("МОУ «Каменская СОШ»", [
      placedPair(
        "Лаптева Ирина Олеговна",
        "МОУ «Каменская СОШ»",
        "Математика",
        "Зорина Елена Ивановна",
        "МОУ «Каменская СОШ»",
      ),
    ]);
    const two = appendixOf([record(gymnasium, "gymnasium.xlsx"), record(kamenkaBoth, "kamenka.xlsx")]);
    expect(two).toContain("указывают 2 участников наставничества в разных организациях");
    expect(two).toContain("Лаптева Ирина Олеговна | МОУ «Каменская СОШ» | наставник | МОУ «Каменская СОШ»");
  });
});

describe("many workbooks listing one person differently", () => {
  it("the сводка prints the first 200 rows and says how many there are; the comparison keeps them all", () => {
    const stored = digestOf(validateWorkbook(gymnasium, { today: TODAY }));
    const records: SchoolRecord[] = Array.from({ length: 250 }, (_, i) => ({
      ...record(gymnasium, "gymnasium.xlsx"),
      organisation: `МОУ «Школа № ${i + 1}»`,
      id: `school-${i + 1}.xlsx`,
      digest: {
        ...stored,
        fingerprint: `project ${i}`,
        pairs: { ...stored.pairs!, orgs: ["Гимназия", `Школа № ${i + 1}`] },
      },
    }));
    expect(pairConflicts(records).places.map((c) => [c.person, c.versions.length])).toEqual([
      ["Зорина Елена Ивановна", 250],
    ]);
    const appendix = appendixOf(records);
    expect(appendix).toContain("Зорина Елена Ивановна | МОУ «Школа № 200» | наставляемый | Школа № 200");
    expect(appendix).not.toContain("МОУ «Школа № 201» | наставляемый");
    expect(appendix).toContain("Показаны первые 200 из 250 строк.");
  });
});

describe("two mentors for one mentee", () => {
  it("are found with each workbook's mentor and listed with the plural form of the count", () => {
    const other = (mentee: string) =>
      placedPair("Гусева Ольга Петровна", "МОУ «Каменская СОШ»", "Математика", mentee, "МОУ «Сосновская СОШ»");
    const gymnasiumTwo = school("МОУ «Озёрская гимназия»", [
      placedPair(
        "Лаптева Ирина Олеговна",
        "Озёрская гимназия",
        "Математика",
        "Зорина Елена Ивановна",
        "Сосновская СОШ",
      ),
      placedPair("Лаптева Ирина Олеговна", "Озёрская гимназия", "Математика", "Чижов Олег Павлович", "Сосновская СОШ"),
    ]);
    const kamenkaOne = school("МОУ «Каменская СОШ»", [other("Зорина Елена Ивановна")]);
    const records = [record(gymnasiumTwo, "gymnasium.xlsx"), record(kamenkaOne, "kamenka.xlsx")];
    expect(pairConflicts(records).mentors).toEqual([
      {
        mentee: "Зорина Елена Ивановна",
        subject: "Математика",
        versions: [
          { organisation: "МОУ «Озёрская гимназия»", id: "gymnasium.xlsx", mentors: ["Лаптева Ирина Олеговна"] },
          { organisation: "МОУ «Каменская СОШ»", id: "kamenka.xlsx", mentors: ["Гусева Ольга Петровна"] },
        ],
      },
    ]);
    expect(pairConflicts(records).places).toEqual([]);
    expect(committeeTotals(records)).toMatchObject({ mentees: 2 });
    expect(appendixOf(records)).toContain("у 1 наставляемого по тому же предмету разные наставники");

    const kamenkaTwo = school("МОУ «Каменская СОШ»", [other("Зорина Елена Ивановна"), other("Чижов Олег Павлович")]);
    const both = appendixOf([record(gymnasiumTwo, "gymnasium.xlsx"), record(kamenkaTwo, "kamenka.xlsx")]);
    expect(both).toContain("у 2 наставляемых по тому же предмету разные наставники");
    expect(both).toContain("Чижов Олег Павлович | Математика | МОУ «Каменская СОШ» | Гусева Ольга Петровна");
  });
});
