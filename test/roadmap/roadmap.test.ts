/**
 * The roadmap as data and its checks: the 32 rows of a real order's roadmap read 31 dates in
 * the roadmap's year, flag the one unreadable date and the one sub-item that starts before its
 * direction, and recognise the short school names as guesses; bad input (2,000 items, rows
 * split like merged cells, items out of order, «до 25.03», «в течение года», a school named
 * three ways) gives a finding each and loses nothing.
 */
import { describe, expect, it } from "vitest";
import { type Cell, dateCell, errorCell } from "../../src/core/grid.js";
import {
  buildOrderDoc,
  meansAllSchools,
  schoolMatcher,
  schoolNamesIn,
  shortForms,
  validateRoadmap,
} from "../../src/core/roadmap/index.js";
import { blockText } from "../../src/core/report/model.js";
import { RULES } from "../../src/core/issues.js";
import { ROADMAP_WORKBOOK_RULES } from "../../src/core/roadmap/checks.js";
import { REAL_ROWS, SCHOOLS, realRoadmapGrid } from "./fixture.js";

const rowsWith = (patch: (rows: (readonly Cell[])[]) => (readonly Cell[])[]) => realRoadmapGrid(patch([...REAL_ROWS]));

describe("a roadmap built from a real order's 32 rows", () => {
  const result = validateRoadmap(realRoadmapGrid());
  const { roadmap } = result;

  it("reads 32 items in 12 directions, to three levels, in the order's year", () => {
    expect(roadmap.items).toHaveLength(32);
    expect(result.metrics.directions).toBe(12);
    expect(roadmap.items.map((i) => i.key)).toContain("8.4.4");
    expect(roadmap.year).toBe(2022);
  });

  it("reads 31 dates, a date without a year taking the roadmap's", () => {
    expect(result.metrics.datesRead).toBe(31);
    const byKey = new Map(roadmap.items.map((i) => [i.key, i.term]));
    expect(byKey.get("1")).toMatchObject({ start: "2022-02-24", end: "2022-02-24" });
    expect(byKey.get("8.1")).toMatchObject({ start: "2022-03-14", end: "2022-03-31" });
    expect(byKey.get("8.1.4")).toMatchObject({ start: "2022-04-01", end: "2022-05-31" });
    expect(byKey.get("9")?.days).toEqual(["2022-11-15", "2022-11-17", "2022-11-22", "2022-11-24", "2022-11-29"]);
    expect(byKey.get("10")).toMatchObject({ start: "2022-12-15", end: "2022-12-15" });
    expect(byKey.get("7")).toBeNull();
  });

  it("flags the unreadable date, at its cell, quoting it", () => {
    const invalid = result.issues.filter((i) => i.rule === "ROADMAP_DATE_INVALID");
    expect(invalid).toHaveLength(1);
    expect(invalid[0]).toMatchObject({ sheet: "Дорожная карта", cell: "C8", row: 8, severity: "error" });
    expect(invalid[0]!.message).toContain("«Февраль-ноябрь, 4»");
  });

  it("flags the sub-item outside its direction (8.1.2 «24.02-10.03» under 8.1 «14.03.-31.03») and only it", () => {
    const outside = result.issues.filter((i) => i.rule === "ROADMAP_CHILD_OUTSIDE_PARENT");
    expect(outside).toHaveLength(1);
    expect(outside[0]!.cell).toBe("C12");
    expect(outside[0]!.message).toContain("«8.1.2.»");
    expect(outside[0]!.message).toContain("«14.03.-31.03»");
    expect(outside[0]!.message).toContain("начинается раньше");
  });

  it("takes the short forms as guesses (a warning naming the registry's school), never silently", () => {
    const guesses = result.issues.filter((i) => i.rule === "ROADMAP_SCHOOL_GUESS");
    expect(guesses.map((g) => g.message)).toEqual([
      expect.stringContaining("«МБОУ «ЗСШ №3»» — это, видимо, «МБОУ «Заречная СОШ №3»»"),
      expect.stringContaining("«МКОУ «ПООШ»» — это, видимо, «МКОУ «Полянская ООШ»»"),
      expect.stringContaining("Пункт «4.» (строка 5): школа «МКОУ «ПООШ»»"),
    ]);
    expect(guesses.map((g) => g.cell)).toEqual(["E2", "E2", "E5"]);
    expect(guesses.every((g) => g.severity === "warning")).toBe(true);
  });

  it("has no other finding: the one error is the unreadable date", () => {
    const other = result.issues.filter(
      (i) => !["ROADMAP_DATE_INVALID", "ROADMAP_CHILD_OUTSIDE_PARENT", "ROADMAP_SCHOOL_GUESS"].includes(i.rule),
    );
    expect(other).toEqual([]);
    expect(result.summary.errors).toBe(1);
  });

  it("knows which schools each item concerns", () => {
    const scope = new Map(roadmap.items.map((i) => [i.key, i.scope]));
    expect(scope.get("1")).toBe("named");
    expect(scope.get("2")).toBe("none"); // an official of the methodological service
    expect(scope.get("8.2.2")).toBe("none"); // «–»
    expect(scope.get("8.1.4")).toBe("all"); // «Наставники учителей из ШНР»
    expect(roadmap.items[0]!.schools.map((s) => s.match.kind)).toEqual([
      "exact",
      "guess",
      "guess",
      "exact",
      "exact",
      "exact",
      "exact",
      "exact",
      "exact",
    ]);
  });

  it("gives the order in the official layout, the appendix on landscape pages after it", () => {
    const model = buildOrderDoc(roadmap, { draft: result.summary.errors > 0 });
    expect(model.draft).toBe(true);
    const lines = model.blocks.flatMap(blockText);
    expect(lines.slice(0, 5)).toEqual([
      "Администрация\nЗаречного муниципального района Северной области",
      "КОМИТЕТ ОБРАЗОВАНИЯ",
      "РАСПОРЯЖЕНИЕ",
      "от 05 марта 2022 года № 94",
      expect.stringMatching(/^Об утверждении муниципальной дорожной карты/),
    ]);
    expect(lines).toContain("Председатель комитета ______________ Г.Н.\u00a0Лебедева");
    const section = model.blocks.findIndex((b) => b.type === "section" && b.orientation === "landscape");
    const appendix = model.blocks[section + 1];
    expect(appendix).toEqual({
      type: "approval",
      lines: [
        "Приложение 1",
        "к распоряжению комитета образования",
        "администрации Заречного муниципального района Северной области",
        "от 05 марта 2022 года № 94",
      ],
    });
    const table = model.blocks.find((b) => b.type === "table");
    expect(table && table.type === "table" ? table.rows.length : 0).toBe(32);
    expect(model.blocks.indexOf(table!)).toBeGreaterThan(section);
    expect(lines.filter((l) => l.startsWith("Приложение "))).toEqual(["Приложение 1", "Приложение 2", "Приложение 3"]);
  });
});

describe("school names", () => {
  it("are found in a cell by their legal form and quotes", () => {
    expect(
      schoolNamesIn("Руководители школьных сетевых команд МКОУ «Шуйская СОШ» МБОУ «ОСШ №3»\nМБОУ ДО «ЦДТ «Радуга»»"),
    ).toEqual(["МКОУ «Шуйская СОШ»", "МБОУ «ОСШ №3»", "МБОУ ДО «ЦДТ «Радуга»»"]);
    expect(schoolNamesIn("Калинина С.А. методист МИМС")).toEqual([]);
    expect(meansAllSchools("Наставники учителей из ШНР")).toBe(true);
    expect(meansAllSchools("–")).toBe(false);
  });

  it("have their usual short forms", () => {
    expect(shortForms("МБОУ «Ореховская СОШ №3»")).toEqual(["осош№3", "осш№3"]);
    expect(shortForms("МКОУ «Полянская ООШ»")).toEqual(["поош"]);
    expect(shortForms("МОУ «СОШ № 4»")).toEqual([]);
  });

  it("match exactly, by a short form as a guess, or not at all (a shared short form is no match)", () => {
    const m = schoolMatcher([...SCHOOLS, "МКОУ «Зимняя СОШ №3»"]);
    expect(m.match("мбоу «заречная сош № 3»")).toEqual({ kind: "exact", name: "МБОУ «Заречная СОШ №3»" });
    expect(m.match("«Полянская ООШ»")).toEqual({ kind: "exact", name: "МКОУ «Полянская ООШ»" });
    expect(m.match("МКОУ «ПООШ»")).toEqual({ kind: "guess", name: "МКОУ «Полянская ООШ»" });
    expect(m.match("МБОУ «ЗСШ №3»").kind).toBe("unknown"); // Заречная and Зимняя share it
    expect(m.match("МБОУ «Шлюзовская СОШ №7»")).toEqual({ kind: "unknown", suggestion: "МБОУ «Шлюзовская СОШ №1»" });
  });
});

describe("bad input: a finding each, nothing lost", () => {
  it("a roadmap of 2,000 items is read and checked whole", () => {
    const rows: Cell[][] = [];
    for (let d = 1; d <= 200; d++) {
      rows.push([
        `${d}.`,
        `Направление ${d}`,
        "Февраль-ноябрь",
        "Кудрявцева Е.В.",
        "Руководители школьных сетевых команд",
        "Итог",
      ]);
      for (let s = 1; s <= 9; s++)
        rows.push([
          `${d}.${s}.`,
          `Подпункт ${d}.${s}`,
          `${String(s).padStart(2, "0")}.03-${String(s + 10).padStart(2, "0")}.03`,
          "Кудрявцева Е.В.",
          "МКОУ «Шуйская СОШ»",
          "Итог",
        ]);
    }
    // How long it takes is measured in bench/roadmap.ts.
    const result = validateRoadmap(realRoadmapGrid(rows));
    expect(result.roadmap.items).toHaveLength(2000);
    expect(result.metrics.datesRead).toBe(2000);
    expect(result.issues).toEqual([]);
  });

  it("a row without a number (an item split over two rows, merged cells) is joined to its item and flagged", () => {
    const grid = rowsWith((rows) => [
      ...rows.slice(0, 6),
      [
        "7.",
        "Участие в вебинарах и семинарах для",
        "Февраль-ноябрь,",
        "Кудрявцева Е.В.",
        "Руководители школьных сетевых команд",
        "Просмотрены выступления.",
      ],
      [null, "руководящих и педагогических работников.", "4", "главный специалист", null, null],
      ...rows.slice(7),
    ]);
    const result = validateRoadmap(grid);
    const item = result.roadmap.items.find((i) => i.key === "7")!;
    expect(item.name).toBe("Участие в вебинарах и семинарах для\nруководящих и педагогических работников.");
    expect(item.dateText).toBe("Февраль-ноябрь, 4");
    expect(item.municipal).toContain("главный специалист");
    const missing = result.issues.filter((i) => i.rule === "ROADMAP_NUMBER_MISSING");
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ cell: "A9", severity: "warning" });
    expect(missing[0]!.message).toContain("добавлен к пункту «7.»");
  });

  it("items in the wrong order, a gap, a repeat and a number that is not one", () => {
    const grid = rowsWith((rows) => {
      const copy = [...rows];
      [copy[1], copy[2]] = [copy[2]!, copy[1]!]; // 3 before 2
      copy[5] = ["6.", ...copy[5]!.slice(1)].map((c, i) => (i === 0 ? "5." : c)); // 5 twice
      copy[6] = ["сем", ...copy[6]!.slice(1)]; // 7 unreadable → 8 follows 6 with a gap
      return copy;
    });
    const rules = validateRoadmap(grid).issues.map((i) => `${i.rule} ${i.cell}`);
    expect(rules).toContain("ROADMAP_NUMBER_ORDER A4");
    expect(rules).toContain("ROADMAP_NUMBER_DUPLICATE A7");
    expect(rules).toContain("ROADMAP_NUMBER_INVALID A8");
    expect(rules).toContain("ROADMAP_NUMBER_GAP A9");
  });

  it("«до 25.03» and «в течение года» are dates without a start or for the whole year", () => {
    const grid = rowsWith((rows) =>
      rows.map((r, i) =>
        i === 2
          ? [r[0]!, r[1]!, "до 25.03", ...r.slice(3)]
          : i === 5
            ? [r[0]!, r[1]!, "в течение года", ...r.slice(3)]
            : r,
      ),
    );
    const vague = validateRoadmap(grid).issues.filter((i) => i.rule === "ROADMAP_DATE_VAGUE");
    expect(vague.map((v) => v.cell)).toEqual(["C4", "C7"]);
    const year = rowsWith((rows) => rows.map((r, i) => (i === 2 ? [r[0]!, r[1]!, "2022", ...r.slice(3)] : r)));
    expect(
      validateRoadmap(year)
        .issues.filter((i) => i.rule === "ROADMAP_DATE_VAGUE")
        .map((i) => i.cell),
    ).toEqual(["C4"]);
    expect(vague[0]!.message).toContain("25.03.2022");
  });

  it("a school named three ways: one name, one guess, one unknown with a suggestion", () => {
    const grid = rowsWith((rows) =>
      rows.map((r, i) =>
        i === 3 ? [...r.slice(0, 4), "МБОУ «Заречная СОШ № 3» МБОУ «ЗСШ №3» МБОУ «Зареченская СОШ №3»", r[5]!] : r,
      ),
    );
    const issues = validateRoadmap(grid).issues.filter((i) => i.row === 5 && i.rule.startsWith("ROADMAP_SCHOOL"));
    expect(issues.map((i) => i.rule)).toEqual(["ROADMAP_SCHOOL_GUESS", "ROADMAP_SCHOOL_UNKNOWN"]);
    expect(issues[1]!.message).toContain("Возможно, имелась в виду «МБОУ «Заречная СОШ №3»»");
  });

  it("an empty order and an empty roadmap are findings, and the document is still made", () => {
    const grid = {
      tabs: [
        {
          title: "Дорожная карта",
          rows: [
            [
              "№ п/п",
              "Направления деятельности",
              "Дата",
              "Ответственные на муниципальном уровне",
              "Ответственные на институциональном уровне",
              "Ожидаемые результаты",
            ],
          ],
        },
        {
          title: "Распоряжение",
          rows: [
            ["Поле", "Значение", "Подсказка"],
            ["Дата распоряжения", "пятое марта", null],
          ],
        },
      ],
    };
    const result = validateRoadmap(grid);
    const rules = new Set(result.issues.map((i) => i.rule));
    expect(rules).toEqual(new Set(["ROADMAP_EMPTY", "ROADMAP_ORDER_FIELD_MISSING", "ROADMAP_ORDER_DATE_INVALID"]));
    const model = buildOrderDoc(result.roadmap, { draft: true });
    expect(model.blocks.flatMap(blockText)).toContain("РАСПОРЯЖЕНИЕ");
  });
});

describe("the roadmap checker's rule list", () => {
  it("is every ROADMAP_* id but the school-side one, and the checker emits only those", () => {
    const ids = Object.keys(RULES).filter((id) => id.startsWith("ROADMAP_") && id !== "ROADMAP_LINK_INVALID");
    expect([...ROADMAP_WORKBOOK_RULES].sort()).toEqual(ids.sort());
    const emitted = validateRoadmap(realRoadmapGrid()).issues.map((i) => i.rule);
    for (const rule of emitted) expect(ROADMAP_WORKBOOK_RULES as readonly string[]).toContain(rule);
  });
});

describe("strange cells in a roadmap", () => {
  const STRANGE: Cell[] = [
    "=SUM()",
    "😀🎉 наставник",
    "х".repeat(50_000),
    true,
    -3,
    1e308,
    Number.NaN,
    dateCell("2022-02-30"),
    dateCell("not a date"),
    errorCell("#N/A"),
    "   ",
    "\u0000\u0007",
    "8.1.2.3.4.5.6.7.8.9.10.11",
    "-",
  ];

  it("never throw, give findings without «undefined», «NaN» or «[object», and the order is still made", () => {
    const rows = STRANGE.map((_, r) => Array.from({ length: 6 }, (_, c) => STRANGE[(r + c) % STRANGE.length]!));
    const order = Object.fromEntries(
      ["date", "number", "title", "signer", "points", "year"].map((k, i) => [k, STRANGE[i % STRANGE.length]!]),
    );
    const result = validateRoadmap(realRoadmapGrid(rows, order));
    expect(result.issues.length).toBeGreaterThan(0);
    for (const issue of result.issues) {
      expect(issue.message.length).toBeLessThan(1200);
      expect(issue.message).not.toMatch(/undefined|NaN|\[object/);
    }
    const model = buildOrderDoc(result.roadmap, { draft: true });
    expect(model.blocks.flatMap(blockText).join("\n")).not.toMatch(/undefined|NaN|\[object/);
  });
});
