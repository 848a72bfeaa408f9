/**
 * The answers of one monitoring: per group, one response per organisation of the project —
 * its last (a school that answered twice counts once). Organisation names are matched as
 * everywhere in the product (rules/orgs.ts: case, quotes, ё/е, legal form); a respondent the
 * project's «Организации» does not list, or lists under another group, is left out and named.
 */
import type { TableRow } from "../workbook.js";
import { orgIndexOf } from "../rules/orgs.js";
import { orgKey } from "../rules/read.js";
import { plural } from "../russian.js";
import type { SurveyFinding } from "./findings.js";
import { QUESTION_SETS, type QuestionSet } from "./questions.js";
import type { ResponseSheet, SurveyResponse } from "./read.js";

export interface SurveyRespondent {
  /** The organisation as the project's «Организации» lists it. */
  readonly name: string;
  readonly response: SurveyResponse;
}

export interface GroupAnswers {
  readonly set: QuestionSet;
  /** The group's organisations on the project's «Организации», in its order. */
  readonly expected: readonly string[];
  /** One response per organisation (its last), in the list's order. */
  readonly respondents: readonly SurveyRespondent[];
  /** Earlier answers of schools that answered again: not counted. */
  readonly superseded: readonly SurveyResponse[];
  /** Question ids that some sheet of this group has a column for. */
  readonly asked: ReadonlySet<string>;
}

interface SurveyLeftOut {
  /** The organisation as written, with the file and rows of its answers. */
  readonly label: string;
  readonly reason: string;
  /** How many answers it stands for. */
  readonly count: number;
}

interface Gathered {
  readonly severity: SurveyFinding["severity"];
  readonly message: string;
  readonly leftOut?: { readonly name: string; readonly reason: string };
  readonly responses: SurveyResponse[];
}

export interface SurveyResult {
  /** Groups with at least one responses sheet, in questionnaire order. */
  readonly groups: readonly GroupAnswers[];
  readonly leftOut: readonly SurveyLeftOut[];
  readonly findings: readonly SurveyFinding[];
}

const where = (r: SurveyResponse) => `${r.source}, строка ${r.row}`;

/** Later answer last: by time (unreadable first), then by sheet, then by row. */
function ordered(list: readonly { r: SurveyResponse; sheet: number }[]) {
  return [...list].sort(
    (a, b) => (a.r.time ?? -Infinity) - (b.r.time ?? -Infinity) || a.sheet - b.sheet || a.r.row - b.r.row,
  );
}

/** The group's organisations as the project's «Организации» lists them, in its order, each once. */
export function groupOrganisations(orgRows: readonly TableRow<"orgs">[], set: QuestionSet): string[] {
  const orgs = orgIndexOf(orgRows);
  return orgRows
    .map((row) => orgs.find(String(row.cells.name ?? "")))
    .filter((e, i, all) => e !== undefined && e.type !== null && set.orgTypes.includes(e.type) && all.indexOf(e) === i)
    .map((e) => e!.name);
}

/** Rows named one by one in a finding; more are counted. */
const ROWS_NAMED = 20;

/** «Ответы.xlsx, строка 3» / «Ответы.xlsx, строки 3, 5 и ещё 40» — by file, the first rows named. */
function placesOf(responses: readonly SurveyResponse[]): string {
  const bySource = new Map<string, number[]>();
  for (const r of responses) {
    const rows = bySource.get(r.source);
    if (rows) rows.push(r.row);
    else bySource.set(r.source, [r.row]);
  }
  return [...bySource]
    .map(([source, rows]) => {
      const named = rows.slice(0, ROWS_NAMED).join(", ");
      const rest = rows.length > ROWS_NAMED ? ` и ещё ${rows.length - ROWS_NAMED}` : "";
      return `${source}, ${rows.length === 1 ? "строка" : "строки"} ${named}${rest}`;
    })
    .join("; ");
}

/** One finding per school that answered again, naming the rows not counted. */
function supersededFinding(name: string, last: SurveyResponse, earlier: readonly SurveyResponse[]): SurveyFinding {
  const places = earlier.map((r) => (r.source === last.source ? `строка ${r.row}` : where(r)));
  const named =
    places.slice(0, ROWS_NAMED).join(", ") + (places.length > ROWS_NAMED ? ` и ещё ${places.length - ROWS_NAMED}` : "");
  return {
    severity: "warning",
    source: last.source,
    row: last.row,
    column: null,
    message:
      `«${name}» ответила на анкету ${earlier.length + 1} ${plural(earlier.length + 1, ["раз", "раза", "раз"])}: ` +
      `учтён последний ответ (строка ${last.row}), прежние не учтены (${named}).`,
  };
}

export function aggregateSurvey(orgRows: readonly TableRow<"orgs">[], sheets: readonly ResponseSheet[]): SurveyResult {
  const orgs = orgIndexOf(orgRows);
  const findings: SurveyFinding[] = sheets.flatMap((s) => s.findings);
  const leftOut: SurveyLeftOut[] = [];
  const groups: GroupAnswers[] = [];
  for (const set of QUESTION_SETS) {
    const own = sheets.map((s, sheet) => ({ s, sheet })).filter((x) => x.s.set === set);
    if (own.length === 0) continue;
    const expected = groupOrganisations(orgRows, set);
    const byOrg = new Map<string, { r: SurveyResponse; sheet: number }[]>();
    // The same finding for many rows (one school spelled one way 2,000 times) is said once, with its rows.
    const gathered = new Map<string, Gathered>();
    const gather = (key: string, r: SurveyResponse, make: () => Omit<Gathered, "responses">) => {
      const found = gathered.get(key);
      if (found) found.responses.push(r);
      else gathered.set(key, { ...make(), responses: [r] });
    };
    const column = set.questions[0]!.title;
    for (const { s, sheet } of own) {
      for (const r of s.responses) {
        const entry = orgs.find(r.organisation);
        if (!entry) {
          gather(`unknown\u0000${orgKey(r.organisation)}`, r, () => {
            const hint = orgs.suggest(r.organisation);
            return {
              severity: "error",
              message:
                `Организации «${r.organisation}» нет на вкладке «Организации» проекта` +
                (hint ? ` (возможно, имелась в виду «${hint}»)` : "") +
                ": ответ не учтён. Исправьте название в ответах или добавьте организацию в список.",
              leftOut: { name: r.organisation, reason: "организации нет на вкладке «Организации» проекта" },
            };
          });
          continue;
        }
        if (entry.type === null || !set.orgTypes.includes(entry.type)) {
          const what = entry.type ? `тип «${entry.type}»` : "тип не указан";
          gather(`group\u0000${orgKey(entry.name)}`, r, () => ({
            severity: "error",
            message:
              `У организации «${entry.name}» на вкладке «Организации» ${what}, а анкета — для группы ` +
              `«${set.orgTypes.join("», «")}»: ответ не учтён.`,
            leftOut: { name: entry.name, reason: `${what}, анкета другой группы` },
          }));
          continue;
        }
        const group = r.answers.get("group");
        if (group?.kind === "choice" && group.value !== entry.type)
          gather(`type\u0000${orgKey(entry.name)}\u0000${group.value}`, r, () => ({
            severity: "warning",
            message:
              `В анкете указана группа «${group.value}», а на вкладке «Организации» у «${entry.name}» тип ` +
              `«${entry.type}»: ответ учтён, группа — по вкладке «Организации».`,
          }));
        if (orgKey(r.organisation) !== orgKey(entry.name))
          gather(`spelling\u0000${r.organisation}`, r, () => ({
            severity: "info",
            message: `Организация записана как «${r.organisation}» — учтена как «${entry.name}».`,
          }));
        const key = orgKey(entry.name);
        const list = byOrg.get(key);
        if (list) list.push({ r, sheet });
        else byOrg.set(key, [{ r, sheet }]);
      }
    }
    for (const g of gathered.values()) {
      const first = g.responses[0]!;
      const more = g.responses.length > 1 ? ` Так — в ${g.responses.length} ответах (${placesOf(g.responses)}).` : "";
      findings.push({
        severity: g.severity,
        source: first.source,
        row: first.row,
        column,
        message: `${g.message}${more}`,
      });
      if (g.leftOut)
        leftOut.push({
          label: `«${g.leftOut.name}» (${placesOf(g.responses)})`,
          reason: g.leftOut.reason,
          count: g.responses.length,
        });
    }
    const respondents: SurveyRespondent[] = [];
    const superseded: SurveyResponse[] = [];
    for (const name of expected) {
      const answers = byOrg.get(orgKey(name));
      if (!answers) continue;
      const list = ordered(answers);
      const last = list[list.length - 1]!;
      const earlier = list.slice(0, -1).map((x) => x.r);
      superseded.push(...earlier);
      if (earlier.length > 0) findings.push(supersededFinding(name, last.r, earlier));
      respondents.push({ name, response: last.r });
    }
    const asked = new Set(own.flatMap((x) => [...x.s.answered]));
    groups.push({ set, expected, respondents, superseded, asked });
  }
  return { groups, leftOut, findings };
}
