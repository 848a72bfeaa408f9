/** Invented school workbooks for committee tests (no real names). */
import type { Cell, WorkbookGrid } from "../../src/core/grid.js";
import type { Metrics } from "../../src/core/metrics.js";
import { zeroMetrics } from "../helpers/metrics.js";
import { TEMPLATE_LAYOUT } from "../../src/core/template.js";
import { TEMPLATE_VERSION } from "../../src/core/schema.js";
import type { SchoolDigest } from "../../src/core/committee/digest.js";

export interface SchoolSpec {
  shortName: string;
  fullName?: string;
  reportType?: string;
  period?: string;
  topic?: string;
  templateVersion?: string | null;
  /** Extra table rows by tab title (below the header). */
  rows?: Record<string, Cell[][]>;
}

/** A template workbook: every tab with its headers, key-value tabs with labels, general fields filled. */
export function schoolGrid(spec: SchoolSpec): WorkbookGrid {
  const general: Record<string, Cell> = {
    "Вид отчёта": spec.reportType ?? "Промежуточный",
    "Отчётный период": spec.period ?? "2022",
    "Полное наименование организации":
      spec.fullName ?? `Муниципальное общеобразовательное учреждение ${spec.shortName}`,
    "Сокращённое наименование": spec.shortName,
    "Муниципальное образование": "Озёрский муниципальный район",
    Тема: spec.topic ?? "Сетевое наставничество",
  };
  const tabs = TEMPLATE_LAYOUT.map((layout) => {
    const rows: Cell[][] = [[...layout.headers]];
    if (layout.kind === "keyValue") {
      for (const line of layout.body) {
        const label = line[0] ?? "";
        rows.push([
          label,
          layout.title === "Общие сведения" ? (general[label] ?? line[1] ?? "") : (line[1] ?? ""),
          line[2] ?? "",
        ]);
      }
    }
    for (const extra of spec.rows?.[layout.title] ?? []) rows.push(extra);
    return { title: layout.title, rows };
  });
  return { tabs, templateVersion: spec.templateVersion === undefined ? TEMPLATE_VERSION : spec.templateVersion };
}

/** A plan row in template column order. */
export function planRow(no: string, activity: string, status: string, reason = "", action = ""): Cell[] {
  return [
    no,
    "1",
    activity,
    "Март 2022",
    "Педагоги",
    "Иванова А.П.",
    status === "Выполнено" ? "Проведено" : "",
    status,
    1,
    status === "Выполнено" ? 1 : 0,
    reason,
    action,
    "",
  ];
}

/** A mentoring pair row in template column order. */
export function pairRow(
  no: string,
  mentor: string,
  subject: string,
  mentee: string,
  status: string,
  reason = "",
): Cell[] {
  return [
    no,
    mentor,
    "МОУ «СОШ № 4»",
    subject,
    mentee,
    "МОУ «Лесновская СОШ»",
    "Учитель – учитель",
    null,
    null,
    status,
    reason,
    "",
  ];
}

export function digest(
  extra: Omit<Partial<SchoolDigest>, "metrics"> & { metrics?: Partial<Metrics> } = {},
): SchoolDigest {
  const { metrics, ...rest } = extra;
  return {
    organisation: "МОУ «СОШ № 7»",
    fullName: "Муниципальное общеобразовательное учреждение «Средняя школа № 7»",
    municipality: "Озёрский муниципальный район",
    reportType: "Промежуточный",
    period: "2022",
    topic: "Сетевое наставничество",
    templateVersion: "1",
    summary: { errors: 0, warnings: 0, infos: 0, completeness: 1 },
    metrics: zeroMetrics(metrics),
    orgs: [],
    participants: [],
    deviations: [],
    notHeldPairs: [],
    problems: [],
    findings: {},
    firstErrors: [],
    ...rest,
  };
}

/** Cells that must never become formulas in the committee's workbook. */
export const MALICIOUS = [
  '=IMPORTXML("http://x","//a")',
  "+cmd",
  "@SUM(1)",
  "-2+3",
  '=HYPERLINK("http://evil","клик")',
] as const;
