/**
 * Fire and quiet cases of the roadmap's rules (ROADMAP_*) for the catalogue test: each starts
 * from the roadmap on a real order's layout with its findings corrected, changes one thing, and
 * is checked by the roadmap's own validator.
 */
import { type Cell, type WorkbookGrid, dateCell } from "../../src/core/grid.js";
import type { RuleId } from "../../src/core/issues.js";
import { validateRoadmap } from "../../src/core/roadmap/index.js";
import { cleanRoadmapRows, realRoadmapGrid } from "../roadmap/fixture.js";
import { cleanWorkbook } from "../helpers/grid-builder.js";

interface RoadmapCase {
  fire: () => WorkbookGrid;
  expect: { sheet: string; cell: string | null; says?: string[] };
  quiet: () => WorkbookGrid;
  checker: (grid: WorkbookGrid) => { issues: ReturnType<typeof validateRoadmap>["issues"] };
}

const COLUMNS = { no: 0, name: 1, date: 2, municipal: 3, institutional: 4, result: 5 } as const;
type Column = keyof typeof COLUMNS;

/** The clean roadmap with one cell of one item (0-based item index, sheet row index + 2) replaced. */
const withCell = (item: number, column: Column, value: Cell): WorkbookGrid =>
  realRoadmapGrid(
    cleanRoadmapRows().map((r, i) => (i === item ? r.map((c, j) => (j === COLUMNS[column] ? value : c)) : r)),
  );
const withRows = (edit: (rows: Cell[][]) => Cell[][]): WorkbookGrid => realRoadmapGrid(edit(cleanRoadmapRows()));
const withOrder = (key: string, value: Cell): WorkbookGrid => realRoadmapGrid(cleanRoadmapRows(), { [key]: value });
const clean = (): WorkbookGrid => realRoadmapGrid(cleanRoadmapRows());

const R = "Дорожная карта";
const O = "Распоряжение";
const checker = (grid: WorkbookGrid) => validateRoadmap(grid);

const cases: Record<string, Omit<RoadmapCase, "checker">> = {
  ROADMAP_EMPTY: {
    fire: () => withRows(() => []),
    expect: { sheet: R, cell: null, says: ["нет ни одного пункта"] },
    quiet: clean,
  },
  ROADMAP_NUMBER_INVALID: {
    fire: () => withCell(0, "no", "I."),
    expect: { sheet: R, cell: "A2", says: ["«I.»"] },
    quiet: () => withCell(0, "no", "1"),
  },
  ROADMAP_NUMBER_DUPLICATE: {
    fire: () => withCell(1, "no", "1."),
    expect: { sheet: R, cell: "A3", says: ["«1.»", "строке 2"] },
    quiet: () => withCell(1, "no", " 2 "),
  },
  ROADMAP_NUMBER_GAP: {
    fire: () => withRows((rows) => rows.filter((_, i) => i !== 2)),
    expect: { sheet: R, cell: "A4", says: ["«4.»", "нет пункта «3»"] },
    quiet: clean,
  },
  ROADMAP_NUMBER_ORDER: {
    fire: () => withRows((rows) => [rows[0]!, rows[2]!, rows[1]!, ...rows.slice(3)]),
    expect: { sheet: R, cell: "A4", says: ["«2.»", "после пункта «3.»"] },
    quiet: clean,
  },
  ROADMAP_NUMBER_MISSING: {
    fire: () => withRows((rows) => [rows[0]!, [null, "(продолжение)", null, null, null, null], ...rows.slice(1)]),
    expect: { sheet: R, cell: "A3", says: ["добавлен к пункту «1.»"] },
    quiet: clean,
  },
  ROADMAP_NAME_MISSING: {
    fire: () => withCell(0, "name", " "),
    expect: { sheet: R, cell: "B2", says: ["«Направления деятельности»"] },
    quiet: () => withCell(0, "name", "Вебинар"),
  },
  ROADMAP_DATE_MISSING: {
    fire: () => withCell(0, "date", null),
    expect: { sheet: R, cell: "C2", says: ["«Дата»"] },
    quiet: () => withCell(0, "date", dateCell("2022-02-24")),
  },
  ROADMAP_DATE_INVALID: {
    fire: () => withCell(6, "date", "Февраль-ноябрь, 4"),
    expect: { sheet: R, cell: "C8", says: ["«Февраль-ноябрь, 4»"] },
    quiet: () => withCell(6, "date", "Февраль - ноябрь"),
  },
  ROADMAP_DATE_VAGUE: {
    fire: () => withCell(2, "date", "до 25.03"),
    expect: { sheet: R, cell: "C4", says: ["«до 25.03»", "25.03.2022"] },
    quiet: () => withCell(2, "date", "03.03-25.03"),
  },
  ROADMAP_DATE_OUTSIDE_YEAR: {
    fire: () => withCell(0, "date", "24.02.2021"),
    expect: { sheet: R, cell: "C2", says: ["«24.02.2021»", "2022"] },
    quiet: () => withCell(0, "date", "24.02.2022"),
  },
  ROADMAP_CHILD_OUTSIDE_PARENT: {
    fire: () => withCell(10, "date", "24.02-10.03"),
    expect: { sheet: R, cell: "C12", says: ["«8.1.2.»", "«14.03.-31.03»", "начинается раньше"] },
    // Self-directed work running on after its direction is what roadmaps do (8.1.4 «Апрель, май»).
    quiet: () => withCell(10, "date", "Апрель"),
  },
  ROADMAP_RESPONSIBLE_MISSING: {
    fire: () => withCell(0, "municipal", ""),
    expect: { sheet: R, cell: "D2", says: ["«Ответственные на муниципальном уровне»"] },
    quiet: () => withCell(0, "municipal", "Кудрявцева Е.В."),
  },
  ROADMAP_RESULT_MISSING: {
    fire: () => withCell(0, "result", null),
    expect: { sheet: R, cell: "F2", says: ["«Ожидаемые результаты»"] },
    quiet: () => withCell(0, "result", "Отчёт"),
  },
  ROADMAP_SCHOOL_UNKNOWN: {
    fire: () => withCell(3, "institutional", "МКОУ «Шуйская СОШ» МКОУ «Березовская СОШ»"),
    expect: { sheet: R, cell: "E5", says: ["«МКОУ «Березовская СОШ»»", "нет в реестре"] },
    quiet: () => withCell(3, "institutional", "мкоу «шуйская  сош»"),
  },
  ROADMAP_SCHOOL_GUESS: {
    fire: () => withCell(3, "institutional", "МКОУ «ПООШ»"),
    expect: { sheet: R, cell: "E5", says: ["«МКОУ «ПООШ»»", "«МКОУ «Полянская ООШ»»"] },
    quiet: () => withCell(3, "institutional", "МКОУ «Полянская ООШ»"),
  },
  ROADMAP_ORDER_FIELD_MISSING: {
    fire: () => withOrder("signer", ""),
    expect: { sheet: O, cell: "B11", says: ["«Подписывающий»"] },
    quiet: () => withOrder("appendices", ""),
  },
  ROADMAP_ORDER_DATE_INVALID: {
    fire: () => withOrder("date", "5 марта"),
    expect: { sheet: O, cell: "B4", says: ["«5 марта»"] },
    quiet: () => withOrder("date", dateCell("2022-03-05")),
  },
};

/** The school-side rule: checked by the school workbook's own validator (no checker). */
const LINK_CASE = {
  fire: () => cleanWorkbook().patch("plan", 0, { roadmap_item: "см. план 8.1" }),
  expect: { sheet: "План-факт", cell: "N2", says: ["«см. план 8.1»", "«см.», «план» — не номера пункта"] },
  quiet: () =>
    cleanWorkbook()
      .patch("plan", 0, { roadmap_item: "п. 8.1.1, 8.1.2." })
      .patch("internal_events", 0, { roadmap_item: 7 }),
};

export const ROADMAP_CASES = {
  ...Object.fromEntries(Object.entries(cases).map(([rule, c]) => [rule, { ...c, checker }])),
  ROADMAP_LINK_INVALID: LINK_CASE,
} as Partial<Record<RuleId, RoadmapCase | typeof LINK_CASE>>;
