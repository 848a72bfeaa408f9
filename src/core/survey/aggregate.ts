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

export interface SurveyLeftOut {
  readonly label: string;
  readonly reason: string;
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

/** Rows named one by one in a finding; more are counted. */
const ROWS_NAMED = 20;

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
    const expected = orgRows
      .map((row) => orgs.find(String(row.cells.name ?? "")))
      .filter(
        (e, i, all) => e !== undefined && e.type !== null && set.orgTypes.includes(e.type) && all.indexOf(e) === i,
      )
      .map((e) => e!.name);
    const byOrg = new Map<string, { r: SurveyResponse; sheet: number }[]>();
    for (const { s, sheet } of own) {
      for (const r of s.responses) {
        const entry = orgs.find(r.organisation);
        const note = (severity: SurveyFinding["severity"], message: string) =>
          findings.push({ severity, source: r.source, row: r.row, column: set.questions[0]!.title, message });
        if (!entry) {
          const hint = orgs.suggest(r.organisation);
          note(
            "error",
            `Организации «${r.organisation}» нет на вкладке «Организации» проекта` +
              (hint ? ` (возможно, имелась в виду «${hint}»)` : "") +
              ": ответ не учтён. Исправьте название в ответах или добавьте организацию в список.",
          );
          leftOut.push({
            label: `«${r.organisation}» (${where(r)})`,
            reason: "организации нет на вкладке «Организации» проекта",
          });
          continue;
        }
        if (entry.type === null || !set.orgTypes.includes(entry.type)) {
          const what = entry.type ? `тип «${entry.type}»` : "тип не указан";
          note(
            "error",
            `У организации «${entry.name}» на вкладке «Организации» ${what}, а анкета — для группы ` +
              `«${set.orgTypes.join("», «")}»: ответ не учтён.`,
          );
          leftOut.push({ label: `«${entry.name}» (${where(r)})`, reason: `${what}, анкета другой группы` });
          continue;
        }
        const group = r.answers.get("group");
        if (group?.kind === "choice" && group.value !== entry.type)
          note(
            "warning",
            `В анкете указана группа «${group.value}», а на вкладке «Организации» у «${entry.name}» тип ` +
              `«${entry.type}»: ответ учтён, группа — по вкладке «Организации».`,
          );
        if (orgKey(r.organisation) !== orgKey(entry.name))
          note("info", `Организация записана как «${r.organisation}» — учтена как «${entry.name}».`);
        const key = orgKey(entry.name);
        const list = byOrg.get(key);
        if (list) list.push({ r, sheet });
        else byOrg.set(key, [{ r, sheet }]);
      }
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
