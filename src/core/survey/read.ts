/**
 * A responses sheet in Google Forms' layout — «Отметка времени», then one column per question
 * title — into responses of one question set. The set is the one whose titles the header row
 * holds most of. A column whose title was edited is matched to its question only when it is
 * the one close title left (and said so); a question with no column, a column of no question,
 * an empty row and every answer that cannot be read are findings, never values.
 */
import { type Cell, isDateCell, isEmptyCell, serialToIso, type TabGrid } from "../grid.js";
import { closest, fold } from "../fold.js";
import { textOf } from "../cells.js";
import { type Answer, readAnswer } from "./answers.js";
import type { SurveyFinding } from "./findings.js";
import { QUESTION_SETS, type QuestionSet, TIMESTAMP_TITLE } from "./questions.js";

export interface SurveyResponse {
  /** Where it came from, as the user knows it. */
  readonly source: string;
  /** 1-based sheet row. */
  readonly row: number;
  /** Milliseconds for ordering answers of one school (the later wins); null when unreadable. */
  readonly time: number | null;
  /** The organisation as the respondent wrote it. */
  readonly organisation: string;
  /** Question id → its answer (absent: no answer or an unreadable one). */
  readonly answers: ReadonlyMap<string, Answer>;
}

export interface ResponseSheet {
  readonly source: string;
  /** Null when the header row holds no question of either set. */
  readonly set: QuestionSet | null;
  readonly responses: readonly SurveyResponse[];
  readonly findings: readonly SurveyFinding[];
  /** Question ids with a column in this sheet. */
  readonly answered: ReadonlySet<string>;
}

/** «07.12.2026 10:15:30» as Google writes a timestamp in a Russian-locale sheet. */
const RU_STAMP = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/u;

function timeOf(cell: Cell | undefined): number | null {
  if (isDateCell(cell)) {
    const ms = Date.parse(cell.iso.length === 10 ? `${cell.iso}T00:00:00Z` : cell.iso);
    return Number.isFinite(ms) ? ms : null;
  }
  if (typeof cell === "number" && cell > 0) {
    const day = serialToIso(Math.floor(cell));
    return day ? Date.parse(`${day}T00:00:00Z`) + Math.round((cell % 1) * 86_400_000) : null;
  }
  const m = RU_STAMP.exec(textOf(cell));
  if (!m) return null;
  const ms = Date.UTC(+m[3]!, +m[2]! - 1, +m[1]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
  return Number.isFinite(ms) ? ms : null;
}

function bestSet(headers: readonly string[]): QuestionSet | null {
  const folded = new Set(headers.map(fold));
  let best: QuestionSet | null = null;
  let bestHits = 0;
  for (const set of QUESTION_SETS) {
    const hits = set.questions.filter((q) => q.kind !== "organisation" && folded.has(fold(q.title))).length;
    if (hits > bestHits) {
      best = set;
      bestHits = hits;
    }
  }
  return best;
}

/** Reads one responses sheet; `source` names it in findings («Ответы.xlsx, лист «Ответы на форму (1)»»). */
export function readResponseSheet(tab: TabGrid, source: string): ResponseSheet {
  const findings: SurveyFinding[] = [];
  const note = (severity: SurveyFinding["severity"], row: number | null, column: string | null, message: string) =>
    findings.push({ severity, source, row, column, message });
  const headers = (tab.rows[0] ?? []).map((c) => textOf(c));
  const set = bestSet(headers);
  if (!set) {
    note(
      "error",
      null,
      null,
      "Лист не похож на ответы анкеты мониторинга: в первой строке нет ни одного вопроса анкеты. Ответы не прочитаны.",
    );
    return { source, set: null, responses: [], findings, answered: new Set() };
  }
  const columnOf = new Map<string, number>();
  const taken = new Set<number>();
  headers.forEach((h, i) => {
    const q = set.questions.find((x) => fold(x.title) === fold(h));
    if (q && !columnOf.has(q.id)) {
      columnOf.set(q.id, i);
      taken.add(i);
    }
  });
  const timeColumn = headers.findIndex((h) => fold(h) === fold(TIMESTAMP_TITLE));
  if (timeColumn >= 0) taken.add(timeColumn);
  else
    note(
      "warning",
      1,
      null,
      `Нет столбца «${TIMESTAMP_TITLE}»: из повторных ответов школы учтён последний по порядку строк.`,
    );
  // Edited titles: a free column whose header is close to exactly one question still without a column.
  const missing = set.questions.filter((q) => !columnOf.has(q.id));
  const free = headers.map((h, i) => ({ h, i })).filter((x) => !taken.has(x.i) && x.h !== "");
  const guess = new Map(
    missing.map(
      (q) =>
        [
          q.id,
          closest(
            q.title,
            free.map((x) => x.h),
          ),
        ] as const,
    ),
  );
  for (const q of missing) {
    const match = guess.get(q.id) ?? null;
    const column = free.find((x) => x.h === match);
    const shared = missing.some((other) => other !== q && guess.get(other.id) === match);
    if (column && !shared && !taken.has(column.i)) {
      columnOf.set(q.id, column.i);
      taken.add(column.i);
      note(
        "warning",
        1,
        column.h,
        `Заголовок «${column.h}» отличается от вопроса анкеты «${q.title}»: ответы прочитаны как ответы на этот вопрос. ` +
          `Проверьте, что это тот же вопрос.`,
      );
    } else {
      if (q.kind === "organisation")
        note(
          "error",
          1,
          null,
          `Нет столбца «${q.title}»: без него не понять, какая школа ответила. Ответы листа не учтены.`,
        );
      else if (q.feeds === null)
        note("info", 1, null, `Нет столбца «${q.title}»: группа школы взята с вкладки «Организации» проекта.`);
      else
        note(
          "warning",
          1,
          null,
          `Нет столбца вопроса «${q.title}»: пункт ${q.feeds} справки по этому листу не составлен.`,
        );
    }
  }
  headers.forEach((h, i) => {
    if (!taken.has(i) && h !== "")
      note("info", 1, h, `Столбец «${h}» не относится к анкете мониторинга — не прочитан.`);
  });
  const orgColumn = columnOf.get("organisation");
  const responses: SurveyResponse[] = [];
  if (orgColumn === undefined) return { source, set, responses, findings, answered: new Set(columnOf.keys()) };
  const questions = set.questions.filter((q) => columnOf.has(q.id));
  for (let r = 1; r < tab.rows.length; r++) {
    const cells = tab.rows[r] ?? [];
    const row = r + 1;
    if (questions.every((q) => isEmptyCell(cells[columnOf.get(q.id)!]))) {
      if (cells.some((c) => !isEmptyCell(c)) || r < tab.rows.length - 1)
        note("warning", row, null, "Пустая строка ответа (нет ни одного ответа на вопросы анкеты) пропущена.");
      continue;
    }
    const organisation = textOf(cells[orgColumn]);
    if (organisation === "") {
      note("error", row, set.questions[0]!.title, "Не указана образовательная организация: ответ не учтён.");
      continue;
    }
    const answers = new Map<string, Answer>();
    for (const q of questions) {
      if (q.kind === "organisation") continue;
      const column = columnOf.get(q.id)!;
      const reading = readAnswer(q, cells[column]);
      if (!reading.ok) {
        note("error", row, headers[column] ?? q.title, `${organisation}: ${reading.reason} — ответ не учтён.`);
        continue;
      }
      if (reading.answer) answers.set(q.id, reading.answer);
    }
    responses.push({
      source,
      row,
      time: timeColumn >= 0 ? timeOf(cells[timeColumn]) : null,
      organisation,
      answers,
    });
  }
  return { source, set, responses, findings, answered: new Set(columnOf.keys()) };
}
