/**
 * One answer cell → its reading for the question's kind, or why it has none. One reading only:
 * a score of «5 баллов» or «отлично» is not guessed into 5, an option not in the list is not
 * matched to the nearest one.
 */
import { cellText, type Cell, isErrorCell } from "../grid.js";
import { memo } from "../cells.js";
import { foldEnum } from "../fold.js";
import { OTHER_OPTION, SCORE_MAX, SCORE_MIN, type SurveyQuestion } from "./questions.js";

export type Answer =
  | { readonly kind: "choice"; readonly value: string }
  | { readonly kind: "several"; readonly values: readonly string[]; readonly other: readonly string[] }
  | { readonly kind: "score"; readonly value: number }
  | { readonly kind: "text"; readonly value: string };

export type Reading =
  { readonly ok: true; readonly answer: Answer | null } | { readonly ok: false; readonly reason: string };

const EMPTY: Reading = { ok: true, answer: null };
const cleanText = (cell: Cell | undefined): string =>
  isErrorCell(cell) ? "" : cellText(cell).replace(/\s+/gu, " ").trim();

function readScore(cell: Cell | undefined, text: string): Reading {
  const value = typeof cell === "number" ? cell : /^\d+$/u.test(text) ? Number(text) : NaN;
  if (Number.isInteger(value) && value >= SCORE_MIN && value <= SCORE_MAX)
    return { ok: true, answer: { kind: "score", value } };
  return {
    ok: false,
    reason: `оценка «${text}» не читается: нужна цифра от ${SCORE_MIN} до ${SCORE_MAX}`,
  };
}

function readChoice(question: SurveyQuestion, text: string): Reading {
  const wanted = foldEnum(text);
  const option = (question.options ?? []).find((o) => foldEnum(o) === wanted);
  if (option) return { ok: true, answer: { kind: "choice", value: option } };
  return {
    ok: false,
    reason: `ответ «${text}» не из вариантов анкеты (${(question.options ?? []).map((o) => `«${o}»`).join(", ")})`,
  };
}

const patternCache = new Map<string, RegExp>();
/** An option found anywhere in the cell: case, ё/е and spacing do not matter. */
function optionPattern(option: string): RegExp {
  let pattern = patternCache.get(option);
  if (!pattern) {
    const body = option
      .trim()
      .replace(/[.*+?^${}()|[\]\\]/gu, "\\$&")
      .replace(/[её]/giu, "[её]")
      .replace(/\s+/gu, "\\s+");
    pattern = new RegExp(`(^|[,;]\\s*)${body}(?=\\s*(?:[,;]|$))`, "iu");
    patternCache.set(option, pattern);
  }
  return pattern;
}

/**
 * Google Forms writes checkbox answers joined by «, », the respondent's «Другое» text among them.
 * Options may hold commas themselves, so the known options are taken out first (longest first);
 * what is left is the respondent's own words.
 */
function readSeveral(question: SurveyQuestion, text: string): Reading {
  let rest = text;
  const chosen: string[] = [];
  const options = [...(question.options ?? [])].sort((a, b) => b.length - a.length);
  for (const option of options) {
    const pattern = optionPattern(option);
    if (pattern.test(rest)) {
      chosen.push(option);
      rest = rest.replace(pattern, "$1");
    }
  }
  const leftover = rest
    .split(/\s*[;,]\s*(?=\S)/u)
    .map((t) => t.replace(/^[\s,;]+|[\s,;]+$/gu, ""))
    .filter((t) => t !== "" && foldEnum(t) !== foldEnum(OTHER_OPTION));
  const order = question.options ?? [];
  chosen.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  if (leftover.length > 0 && !question.other)
    return {
      ok: false,
      reason: `ответ «${leftover.join(", ")}» не из вариантов анкеты`,
    };
  // The respondent's own words are one answer: commas inside them are theirs.
  const other = leftover.length > 0 ? [leftover.join(", ")] : [];
  return { ok: true, answer: { kind: "several", values: chosen, other } };
}

/** Readings per question by text: 10,000 answers repeat a few options, each is read once. */
const readings = new Map<SurveyQuestion, Map<string, Reading>>();

export function readAnswer(question: SurveyQuestion, cell: Cell | undefined): Reading {
  if (isErrorCell(cell)) return { ok: false, reason: `в ячейке ошибка ${cell.code}` };
  const text = cleanText(cell);
  if (text === "") return EMPTY;
  let known = readings.get(question);
  if (!known) readings.set(question, (known = new Map()));
  return memo(known, text, () => readText(question, cell, text), 20_000);
}

/** A score cell reads the same as its text: 4 and «4» are 4, 4,5 and «4,5» are not scores. */
function readText(question: SurveyQuestion, cell: Cell | undefined, text: string): Reading {
  switch (question.kind) {
    case "score":
      return readScore(cell, text);
    case "one":
    case "agreement":
      return readChoice(question, text);
    case "several":
      return readSeveral(question, text);
    case "organisation":
    case "text":
      return { ok: true, answer: { kind: "text", value: text } };
  }
}
