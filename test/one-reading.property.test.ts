/**
 * One number, one reading: for generated workbooks — counts as numbers, as text («1 200»,
 * «7 чел.»), negative, fractional, 1e308, error cells; mentoring pairs with error cells,
 * empty subjects, duplicates, statuses outside the list — the numbers in `validate --json`,
 * in the report's document model and in the committee's digest and totals are the same.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { committeeTotals } from "../src/core/committee/totals.js";
import { readRecord } from "../src/core/committee/school.js";
import { type Cell, type TabGrid, type WorkbookGrid, errorCell } from "../src/core/grid.js";
import { buildReportModel } from "../src/core/report/build.js";
import { KIROVSKY, NOVOKUZNETSK } from "../src/core/report/forms/index.js";
import type { Block, TableCell } from "../src/core/report/model.js";
import { sampleGrid } from "../src/demo/sample.js";
import { validateWorkbook } from "../src/core/validate.js";
import { validationJson } from "../src/local/commands/validate.js";
import { propertyRuns } from "./helpers/property-runs.js";

const ERRORS = ["#REF!", "#VALUE!", "#N/A", "#DIV/0!"] as const;

const countCell: fc.Arbitrary<Cell> = fc.oneof(
  fc.integer({ min: 0, max: 2000 }),
  fc.integer({ min: -50, max: -1 }),
  fc.double({ min: 0.1, max: 99.9, noNaN: true }),
  fc.constantFrom<Cell>(1e308, 1e12, "1 200", "7 чел.", "12 человек", "-5", "много", ">1000", "", null, "2,5"),
  fc.constantFrom(...ERRORS).map((code) => errorCell(code)),
);

const PEOPLE = [
  "Громов Игорь Семёнович",
  "громов игорь семёнович",
  "Орлова Анна Петровна",
  "Белов Пётр Андреевич",
  "Соколова Марина Ивановна",
];
const MENTEES = [
  "Ершова Галина Семёновна",
  "Панова Юлия Викторовна",
  "Рябова Оксана Дмитриевна",
  "ершова галина семёновна",
];
const SUBJECTS = ["Химия", "химия", "Физика", "Математика"];
const STATUSES = ["Активна", "Завершена", "Планируется", "Не состоялась", "Приостановлена", "активна", "Идёт", ""];

const personCell = (names: readonly string[]): fc.Arbitrary<Cell> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom<Cell>(...names) },
    { weight: 1, arbitrary: fc.constantFrom<Cell>("", null) },
    { weight: 1, arbitrary: fc.constantFrom(...ERRORS).map((code) => errorCell(code)) },
  );

const pairRow: fc.Arbitrary<Cell[]> = fc
  .record({
    mentor: personCell(PEOPLE),
    subject: fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom<Cell>(...SUBJECTS) },
      { weight: 1, arbitrary: fc.constantFrom<Cell>("", errorCell("#VALUE!")) },
    ),
    mentee: personCell(MENTEES),
    status: fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom<Cell>(...STATUSES) },
      { weight: 1, arbitrary: fc.constant<Cell>(errorCell("#N/A")) },
    ),
  })
  .map((p) => [
    "1",
    p.mentor,
    "МОУ «Гимназия № 2»",
    p.subject,
    p.mentee,
    "МОУ «Лесновская СОШ»",
    "Учитель – учитель",
    null,
    null,
    p.status,
    "Болезнь",
    null,
  ]);

const CATEGORIES = ["Педагоги", "Руководители", "Учащиеся (воспитанники)", "Родители", "Иное"];

const workbookArb = fc.record({
  participants: fc.array(fc.tuple(fc.constantFrom(...CATEGORIES), countCell), { minLength: 0, maxLength: 6 }),
  pairs: fc.array(pairRow, { minLength: 0, maxLength: 12 }),
  duplicate: fc.boolean(),
});

function withTab(grid: WorkbookGrid, title: string, rows: (header: readonly Cell[]) => Cell[][]): WorkbookGrid {
  return {
    ...grid,
    tabs: grid.tabs.map((t): TabGrid => (t.title === title ? { title, rows: [t.rows[0]!, ...rows(t.rows[0]!)] } : t)),
  };
}

function generated(input: { participants: [string, Cell][]; pairs: Cell[][]; duplicate: boolean }): WorkbookGrid {
  let grid = withTab(sampleGrid(), "Участники", () =>
    input.participants.map(([category, count]) => [category, count, "роль"]),
  );
  const pairs = input.duplicate && input.pairs.length > 0 ? [...input.pairs, [...input.pairs[0]!]] : input.pairs;
  grid = withTab(grid, "Наставничество", () => pairs);
  // The declared total would print instead of the sum: the report prints the sum when it is empty.
  return {
    ...grid,
    tabs: grid.tabs.map((t) =>
      t.title === "Общие сведения"
        ? { ...t, rows: t.rows.map((r) => (String(r[0]).startsWith("Общее число участников") ? [r[0]!, null] : r)) }
        : t,
    ),
  };
}

const cellText = (cell: TableCell): string => (typeof cell === "string" ? cell : cell.map((r) => r.text).join(""));

function tables(blocks: readonly Block[]): { rows: string[][] }[] {
  const out: { rows: string[][] }[] = [];
  const visit = (list: readonly Block[]): void => {
    for (const block of list) {
      if (block.type === "table") out.push({ rows: block.rows.map((row) => row.map(cellText)) });
      const nested = (block as { blocks?: readonly Block[] }).blocks;
      if (nested) visit(nested);
    }
  };
  visit(blocks);
  return out;
}

const digits = (text: string): number => Number(text.replace(/[^\d]/g, ""));

/** The report's figures: participants total (Кадры б), the mentor table's «Итого» row. */
function reportFigures(blocks: readonly Block[]): {
  participants: number | null;
  mentors: number | null;
  mentees: number | null;
} {
  let participants: number | null = null;
  let mentors: number | null = null;
  let mentees: number | null = null;
  for (const table of tables(blocks)) {
    for (const row of table.rows) {
      if (row[0]?.startsWith("Общее число участников")) participants = digits(row[1] ?? "");
      const total = row.findIndex((c) => /^Итого: \d+ наставник/.test(c));
      if (total >= 0) {
        mentors = digits(/^Итого: (\d+)/.exec(row[total]!)![1]!);
        mentees = digits(row[total + 3] ?? "");
      }
    }
  }
  return { participants, mentors, mentees };
}

const sum = (record: Readonly<Record<string, number>>): number => Object.values(record).reduce((a, b) => a + b, 0);

describe("one reading of every cell", () => {
  it("validate --json, the report's model and the committee digest give the same numbers", () => {
    fc.assert(
      fc.property(workbookArb, (input) => {
        const grid = generated(input);
        const result = validateWorkbook(grid, { reportDate: "2022-12-20" });
        const json = JSON.parse(JSON.stringify(validationJson(result, "x.xlsx"))) as { metrics: typeof result.metrics };
        const m = json.metrics;
        // Кировский prints the mentor table, Новокузнецк the participants total: both forms are read.
        const model = {
          blocks: [
            ...buildReportModel(result, [], KIROVSKY).blocks,
            ...buildReportModel(result, [], NOVOKUZNETSK).blocks,
          ],
        };
        const report = reportFigures(model.blocks);
        const record = readRecord({ organisation: "", link: "x", id: "x", modified: "", updated: "" }, grid, result);
        const digest = record.digest!;
        const totals = committeeTotals([record]);

        // Participants: a finite sum of what the validator accepts, the same in all three.
        expect(Number.isFinite(m.participantsTotal)).toBe(true);
        expect(report.participants).toBe(m.participantsTotal);
        expect(totals.participantsTotal).toBe(m.participantsTotal);
        expect(sum(Object.fromEntries(digest.participants.map((p) => [p.name, p.count])))).toBe(m.participantsTotal);

        // Mentoring: the same pairs, people and subjects.
        if (m.mentors > 0) {
          expect(report.mentors).toBe(m.mentors);
          expect(report.mentees).toBe(m.mentees);
        }
        expect(totals).toMatchObject({
          pairsTotal: m.pairsTotal,
          pairsActive: m.pairsActive,
          pairsNotHeld: m.pairsNotHeld,
          mentors: m.mentors,
          mentees: m.mentees,
        });
        expect(sum(m.pairsBySubject)).toBe(m.pairsTotal - m.pairsNotHeld);
        expect(sum(totals.pairsBySubject)).toBe(m.pairsTotal - m.pairsNotHeld);
        expect(digest.notHeldPairs.length).toBe(m.pairsNotHeld);
        // An error cell is never a value: no «#REF!» mentor or subject anywhere.
        const printed = tables(model.blocks)
          .flatMap((t) => t.rows.flat())
          .join("\n");
        const appendixFree = printed.replace(/В ячейке [A-Z]+\d+ ошибка формулы «[^»]*»/g, "");
        for (const code of ERRORS) expect(appendixFree).not.toContain(code);
        expect(Object.keys(totals.pairsBySubject).some((s) => s.startsWith("#"))).toBe(false);
      }),
      { numRuns: propertyRuns(60) },
    );
  });

  it("the examples from the field: «1 200», −5, a #REF! mentor, a pair without a subject, a duplicated pair", () => {
    const grid = generated({
      participants: [
        ["Педагоги", "1 200"],
        ["Руководители", 8],
        ["Родители", -5],
        ["Учащиеся (воспитанники)", 1e308],
      ],
      pairs: [
        [
          "1",
          errorCell("#REF!"),
          "МОУ «Гимназия № 2»",
          "Химия",
          "Ершова Галина Семёновна",
          "МОУ «Лесновская СОШ»",
          "",
          null,
          null,
          "Активна",
          "",
          null,
        ],
        [
          "2",
          "Громов Игорь Семёнович",
          "МОУ «Гимназия № 2»",
          null,
          "Панова Юлия Викторовна",
          "МОУ «Лесновская СОШ»",
          "",
          null,
          null,
          "Активна",
          "",
          null,
        ],
        [
          "3",
          "Орлова Анна Петровна",
          "МОУ «Гимназия № 2»",
          "Физика",
          "Рябова Оксана Дмитриевна",
          "МОУ «Лесновская СОШ»",
          "",
          null,
          null,
          "Активна",
          "",
          null,
        ],
      ],
      duplicate: false,
    });
    const withDuplicate = withTab(grid, "Наставничество", (header) => [
      ...grid.tabs
        .find((t) => t.title === "Наставничество")!
        .rows.slice(1)
        .map((r) => [...r]),
      [
        "4",
        "Орлова Анна Петровна",
        "МОУ «Гимназия № 2»",
        "физика",
        "Рябова Оксана Дмитриевна",
        "МОУ «Лесновская СОШ»",
        "",
        null,
        null,
        "Активна",
        "",
        null,
      ].slice(0, header.length),
    ]);
    const result = validateWorkbook(withDuplicate, { reportDate: "2022-12-20" });
    const m = result.metrics;
    expect(m.participantsTotal).toBe(1208);
    expect(m).toMatchObject({ pairsTotal: 3, pairsActive: 3, mentors: 2, mentees: 3 });
    expect(m.pairsBySubject).toEqual({ Химия: 1, "Предмет не указан": 1, Физика: 1 });
    const report = reportFigures([
      ...buildReportModel(result, [], KIROVSKY).blocks,
      ...buildReportModel(result, [], NOVOKUZNETSK).blocks,
    ]);
    expect(report).toEqual({ participants: 1208, mentors: 2, mentees: 3 });
    const totals = committeeTotals([
      readRecord({ organisation: "", link: "x", id: "x", modified: "", updated: "" }, withDuplicate, result),
    ]);
    expect(totals).toMatchObject({ participantsTotal: 1208, pairsActive: 3, mentors: 2, mentees: 3 });
    expect(sum(totals.pairsBySubject)).toBe(3);
    // The check says why the numbers it left out are not numbers.
    const invalid = result.issues.filter((i) => i.rule === "PART_COUNT_INVALID").map((i) => i.message);
    expect(invalid.some((msg) => msg.includes("отрицательное"))).toBe(true);
    expect(invalid.some((msg) => msg.includes("больше миллиарда"))).toBe(true);
    expect(result.issues.some((i) => i.rule === "TPL_CELL_ERROR" && i.sheet === "Наставничество")).toBe(true);
    expect(result.issues.some((i) => i.rule === "MENT_DUPLICATE_PAIR")).toBe(true);
  });
});
