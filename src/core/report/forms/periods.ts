/**
 * The reporting period and the period after it, in the words a form's headings need:
 * «2022 год» → next «2023 год»; «2019-2020 учебный год» → next «2020-2021 учебный год» (a
 * 2019-2020 report asks about the next academic year, never about «2021 год»). A range of
 * dates from September to August is an academic year too.
 */
import { isoParts } from "../../terms/dates.js";
import type { Period } from "../../terms/types.js";

export interface PeriodWords {
  /** «2023 год», «2020-2021 учебный год». */
  readonly nominative: string;
  /** «в 2023 году», «в 2020-2021 учебном году». */
  readonly prepositional: string;
}

function academicStartYear(period: Period): number | null {
  const start = isoParts(period.start);
  const end = isoParts(period.end);
  if (period.kind === "academic") return start.year;
  // 01.09.2020-31.08.2021 (or any span from late summer to the next summer): an academic year.
  if (period.kind === "range" && end.year === start.year + 1 && start.month >= 8 && end.month <= 8) return start.year;
  return null;
}

const academic = (from: number): PeriodWords => ({
  nominative: `${from}-${from + 1} учебный год`,
  prepositional: `в ${from}-${from + 1} учебном году`,
});

const year = (y: number): PeriodWords => ({ nominative: `${y} год`, prepositional: `в ${y} году` });

/** The period after the reporting one; null when the period cannot be read. */
export function nextPeriod(period: Period | null): PeriodWords | null {
  if (!period) return null;
  const from = academicStartYear(period);
  if (from !== null) return academic(from + 1);
  return year(isoParts(period.end).year + 1);
}
