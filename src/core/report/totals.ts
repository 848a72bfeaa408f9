/**
 * «ИТОГО за отчётный период»: publications, contest participations and wins, conference
 * participations and dissemination events, each by level. Numbers come from the validator's
 * metrics, so the report, the sidebar and the committee dashboard agree; they count only rows
 * dated inside the reporting period (undated rows too), while tables 3.x list every row.
 */
import type { Metrics } from "../metrics.js";
import { levelPhrase, ruNumber } from "../russian.js";
import { ENUMS } from "../schema.js";
import { type ColumnSpec, table } from "./blocks.js";
import type { TableBlock } from "./model.js";

const TOTAL_COLUMNS: readonly ColumnSpec[] = [
  { header: "Показатель", width: 36 },
  { header: "Всего", width: 10, align: "center" },
  { header: "В том числе по уровням", width: 54 },
];

/** Levels in the list's order, then any others the metrics carry. */
function orderedLevels(byLevel: Readonly<Record<string, number>>): string[] {
  const known = ENUMS.level.filter((l) => (byLevel[l] ?? 0) > 0);
  const other = Object.keys(byLevel).filter(
    (l) => !(ENUMS.level as readonly string[]).includes(l) && (byLevel[l] ?? 0) > 0,
  );
  return [...known, ...other];
}

/** «региональный уровень — 1; муниципальный уровень — 2», or «—» when nothing. */
function byLevelText(byLevel: Readonly<Record<string, number>>): string {
  const parts = orderedLevels(byLevel).map((l) => `${levelPhrase(l)} — ${ruNumber(byLevel[l] ?? 0)}`);
  return parts.length > 0 ? parts.join("; ") : "—";
}

const sum = (byLevel: Readonly<Record<string, number>>): number => Object.values(byLevel).reduce((a, b) => a + b, 0);

interface TotalsLine {
  readonly label: string;
  readonly total: number;
  readonly byLevel: Readonly<Record<string, number>>;
}

function totalsLines(metrics: Metrics): TotalsLine[] {
  const contests = metrics.contestsByLevel ?? {};
  const participations = Object.fromEntries(Object.entries(contests).map(([l, c]) => [l, c.participations]));
  const wins = Object.fromEntries(Object.entries(contests).map(([l, c]) => [l, c.wins]));
  const publicationsByLevel = metrics.publicationsByLevel ?? {};
  const publicationsWithoutLevel = Math.max(0, (metrics.publications ?? 0) - sum(publicationsByLevel));
  return [
    {
      label: "Публикации",
      total: metrics.publications ?? sum(publicationsByLevel),
      byLevel:
        publicationsWithoutLevel > 0
          ? { ...publicationsByLevel, "уровень не указан": publicationsWithoutLevel }
          : publicationsByLevel,
    },
    { label: "Участие в конкурсах", total: sum(participations), byLevel: participations },
    { label: "Победы и призовые места в конкурсах", total: sum(wins), byLevel: wins },
    {
      label: "Участие в конференциях и совещаниях (выступления)",
      total: sum(metrics.speechesByLevel ?? {}),
      byLevel: metrics.speechesByLevel ?? {},
    },
    {
      label: "Мероприятия по распространению опыта",
      total: sum(metrics.eventsByLevel ?? {}),
      byLevel: metrics.eventsByLevel ?? {},
    },
  ];
}

export function totalsTable(metrics: Metrics): TableBlock {
  return table(
    TOTAL_COLUMNS,
    totalsLines(metrics).map((line) => [line.label, ruNumber(line.total), byLevelText(line.byLevel)]),
  );
}
