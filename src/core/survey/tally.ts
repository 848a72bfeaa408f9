/**
 * The counts behind every sentence of the справка's monitoring sections, kept apart from the
 * wording so a test can check each figure against the answers: options by frequency, the
 * combinations of several choices, a score's average and distribution, free text de-duplicated.
 */
import { isDashOnly } from "../cells.js";
import { fold } from "../fold.js";
import type { Answer } from "./answers.js";
import type { SurveyQuestion } from "./questions.js";
import type { SurveyRespondent } from "./aggregate.js";

interface OptionCount {
  readonly option: string;
  readonly count: number;
}

interface TextCount {
  /** The first spelling met. */
  readonly text: string;
  readonly count: number;
}

export type Tally =
  | { readonly kind: "choice"; readonly answered: number; readonly options: readonly OptionCount[] }
  | {
      readonly kind: "several";
      readonly answered: number;
      readonly options: readonly OptionCount[];
      /** Schools grouped by the set of options they chose, largest group first. */
      readonly combinations: readonly { readonly options: readonly string[]; readonly count: number }[];
      readonly other: readonly TextCount[];
    }
  | {
      readonly kind: "score";
      readonly answered: number;
      readonly average: number;
      /** Score → how many gave it, highest score first; only scores given. */
      readonly distribution: readonly { readonly score: number; readonly count: number }[];
    }
  | { readonly kind: "text"; readonly answered: number; readonly texts: readonly TextCount[]; readonly none: number };

/** Answers that say «nothing to report». */
const NONE = new Set([
  "нет",
  "не было",
  "не возникло",
  "не возникали",
  "не сталкивались",
  "нет проблем",
  "проблем нет",
  "проблем не было",
  "отсутствуют",
  "нет предложений",
  "предложений нет",
  "нет рекомендаций",
  "рекомендаций нет",
]);
const saysNothing = (text: string): boolean => isDashOnly(text) || NONE.has(fold(text).replace(/[.!]+$/u, ""));

/** Options by frequency, ties in questionnaire order; options nobody chose are left out. */
function byFrequency(counts: Map<string, number>, order: readonly string[]): OptionCount[] {
  return order
    .map((option) => ({ option, count: counts.get(option) ?? 0 }))
    .filter((o) => o.count > 0)
    .sort((a, b) => b.count - a.count || order.indexOf(a.option) - order.indexOf(b.option));
}

function dedupe(texts: readonly string[]): TextCount[] {
  const seen = new Map<string, { text: string; count: number }>();
  for (const text of texts) {
    const key = fold(text).replace(/[.!;,]+$/u, "");
    const entry = seen.get(key);
    if (entry) entry.count += 1;
    else seen.set(key, { text, count: 1 });
  }
  // Most often said first; a stable sort keeps the first-met order among equals.
  return [...seen.values()].sort((a, b) => b.count - a.count);
}

export function tally(question: SurveyQuestion, respondents: readonly SurveyRespondent[]): Tally {
  const answers = respondents
    .map((r) => r.response.answers.get(question.id))
    .filter((a): a is Answer => a !== undefined);
  const order = question.options ?? [];
  switch (question.kind) {
    case "one":
    case "agreement": {
      const counts = new Map<string, number>();
      for (const a of answers) if (a.kind === "choice") counts.set(a.value, (counts.get(a.value) ?? 0) + 1);
      return { kind: "choice", answered: answers.length, options: byFrequency(counts, order) };
    }
    case "several": {
      const counts = new Map<string, number>();
      const combos = new Map<string, { options: string[]; count: number }>();
      const other: string[] = [];
      for (const a of answers) {
        if (a.kind !== "several") continue;
        for (const v of a.values) counts.set(v, (counts.get(v) ?? 0) + 1);
        other.push(...a.other);
        const key = a.values.join("\u0000");
        if (a.values.length > 0) {
          const combo = combos.get(key);
          if (combo) combo.count += 1;
          else combos.set(key, { options: [...a.values], count: 1 });
        }
      }
      const combinations = [...combos.values()].sort(
        (a, b) => b.count - a.count || b.options.length - a.options.length,
      );
      return {
        kind: "several",
        answered: answers.length,
        options: byFrequency(counts, order),
        combinations,
        other: dedupe(other),
      };
    }
    case "score": {
      const scores = answers.flatMap((a) => (a.kind === "score" ? [a.value] : []));
      const counts = new Map<number, number>();
      for (const s of scores) counts.set(s, (counts.get(s) ?? 0) + 1);
      const distribution = [...counts.entries()]
        .map(([score, count]) => ({ score, count }))
        .sort((a, b) => b.score - a.score);
      const average = scores.length > 0 ? scores.reduce((x, y) => x + y, 0) / scores.length : 0;
      return { kind: "score", answered: scores.length, average, distribution };
    }
    case "organisation":
    case "text": {
      const texts = answers.flatMap((a) => (a.kind === "text" ? [a.value] : []));
      const none = texts.filter(saysNothing).length;
      return { kind: "text", answered: texts.length, texts: dedupe(texts.filter((t) => !saysNothing(t))), none };
    }
  }
}
