/**
 * The committee's roadmap as .xlsx: the roadmap workbook («Дорожная карта», «Распоряжение»,
 * «Реестр») and the execution matrix («Исполнение дорожной карты», overdue cells red, done
 * green, in progress amber).
 */
import { REGISTRY_TITLE } from "../core/committee/headers.js";
import type { WorkbookGrid } from "../core/grid.js";
import {
  type Execution,
  EXECUTION_TITLE,
  ORDER_TITLE,
  ROADMAP_TAB,
  ROADMAP_TITLE,
  STATE_FILLS,
  executionGrid,
} from "../core/roadmap/index.js";
import { type SheetSpec, writeSheets } from "./xlsx-write.js";

const ROADMAP_WIDTHS = ROADMAP_TAB.columns.map((c) => c.width);

/** The roadmap workbook: each known tab with its widths, wrapped text and frozen header. */
export async function writeRoadmapWorkbook(grid: WorkbookGrid): Promise<Buffer> {
  const sheets: SheetSpec[] = grid.tabs.map((tab) => {
    if (tab.title === ROADMAP_TITLE)
      return {
        title: tab.title,
        rows: tab.rows,
        widths: ROADMAP_WIDTHS,
        wrap: true,
        headerNotes: ROADMAP_TAB.columns.flatMap((c, i) =>
          "hint" in c && c.hint ? [{ column: i, text: c.hint }] : [],
        ),
      };
    if (tab.title === ORDER_TITLE)
      return { title: tab.title, rows: tab.rows, widths: [30, 70, 50], wrap: true, mutedColumns: [2] };
    if (tab.title === REGISTRY_TITLE) return { title: tab.title, rows: tab.rows, widths: [40, 50, 28, 28] };
    return { title: tab.title, rows: tab.rows };
  });
  return writeSheets(sheets);
}

/** The execution matrix tab as a sheet spec (shared with nothing else: the committee writes its own tab). */
function executionSheet(execution: Execution): SheetSpec {
  const rows = executionGrid(execution);
  const cellFills: Record<string, string> = {};
  execution.rows.forEach((r, i) =>
    r.cells.forEach((c, j) => {
      const fill = STATE_FILLS[c.state];
      if (fill) cellFills[`${i + 2}:${j + 4}`] = `FF${fill}`;
    }),
  );
  return {
    title: EXECUTION_TITLE,
    rows,
    widths: [8, 48, 16, 12, ...execution.schools.map(() => 18)],
    wrap: true,
    cellFills,
  };
}

export async function writeExecutionMatrix(execution: Execution): Promise<Buffer> {
  return writeSheets([executionSheet(execution)]);
}
