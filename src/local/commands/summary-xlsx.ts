/**
 * The committee dashboard as .xlsx (`mip summary --out`): the Свод tab with the contract
 * headers, one row per workbook coloured by state, and a totals row. Every value from a
 * school is a plain string or a number: exceljs stores a string as a string (a formula
 * needs an explicit {formula} value), so «=IMPORTXML(…)» stays text — tested by reading the
 * file back and checking each cell's type.
 */
import {
  SUMMARY_HEADERS,
  SUMMARY_TITLE,
  SUMMARY_WIDTHS,
  TONE_COLOURS,
  type CommitteeTotals,
  type SummaryRow,
} from "../../core/committee/index.js";
import { writeSheets } from "../xlsx-write.js";
import { wholePercent } from "../../core/percent.js";

const argb = (hex: string): string => `FF${hex.replace("#", "").toUpperCase()}`;

/**
 * Total-row values under the numeric columns: sums; plan execution and completeness overall;
 * pairs and people without repeats (listed by two schools, counted once), as the справка says.
 */
function totalsRow(totals: CommitteeTotals): (string | number)[] {
  const pct = (share: number | null) => (share === null ? "" : wholePercent(share));
  const byHeader: Partial<Record<(typeof SUMMARY_HEADERS)[number], string | number>> = {
    Организация: `Итого: ${totals.schools} (пары и люди без повторов)`,
    "Заполнено, %": pct(totals.completeness),
    Ошибки: totals.errors,
    Предупреждения: totals.warnings,
    "Выполнение плана, %": pct(totals.planExecution),
    Отклонений: totals.deviations,
    "Наставнических пар": totals.pairsActive,
    Наставников: totals.mentors,
    Наставляемых: totals.mentees,
    Участников: totals.participantsTotal,
    "Мероприятий (распространение)": totals.disseminationEvents,
    Состояние: `прочитано ${totals.read} из ${totals.schools}`,
  };
  return SUMMARY_HEADERS.map((h) => byHeader[h] ?? "");
}

/** The workbook bytes; rows carry only the contract columns (the service columns are for Sheets). */
export async function summaryWorkbook(rows: readonly SummaryRow[], totals: CommitteeTotals): Promise<Buffer> {
  const body = rows.map((row) => row.values.slice(0, SUMMARY_HEADERS.length));
  const rowFills: Record<number, string> = {};
  rows.forEach((row, i) => (rowFills[i + 2] = argb(TONE_COLOURS[row.tone])));
  return writeSheets([
    {
      title: SUMMARY_TITLE,
      rows: [[...SUMMARY_HEADERS], ...body, totalsRow(totals)],
      headerRow: true,
      widths: SUMMARY_WIDTHS.slice(0, SUMMARY_HEADERS.length),
      wrap: true,
      rowFills,
    },
  ]);
}
