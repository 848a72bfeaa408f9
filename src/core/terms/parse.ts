/**
 * The grammar of terms as people write them in plans: «24.02», «03.03-10.03», «Май»,
 * «Апрель, май», «Ноябрь 15.11, 17.11», «Март – июнь 2021», «С 18.05.2021 по настоящее время»,
 * «до 15.09.2023 года», «постоянно», «2019-2020 учебный год», «1-е полугодие 2022» …
 *
 * Text → tokens (tokens.ts) → a small syntax of points and segments → years filled in
 * (written ones first, then from the reporting period) → calendar dates → one Term.
 *
 * Readings chosen where people's writing is ambiguous:
 * - A year written on one end of a range serves both ends; «ноябрь – февраль 2022» and
 *   «15.12-15.01.2022» roll the start back a year (Nov 2021, Dec 2021). Within one month
 *   («10.03-03.03.2022») nothing rolls: that is a reversed range.
 * - Without written years each end takes its year from the period separately: in a calendar
 *   year «Ноябрь – февраль» is reversed; in a September–August period it is Nov Y – Feb Y+1,
 *   and «Февраль-ноябрь» runs forward (Feb Y+1 – Nov Y+1) rather than backwards.
 * - «2019-2020» and «2019/20» are academic years; «2021-2022 гг.» and «2021-2023» are
 *   calendar years.
 * - «1 полугодие» without a year in a September–August period is September–December; the
 *   second half is January–August. With a written year halves are calendar halves.
 * - «до мая» is a deadline at the end of May; «до конца года» at the end of the period.
 * - «постоянно», «в течение года», «ежемесячно», «1 раз в месяц» cover the whole period.
 */
import { toTerm } from "./calendar.js";
import { TermError } from "./points.js";
import { parseSyntax } from "./syntax.js";
import { tokenize } from "./tokens.js";
import type { Period, TermResult } from "./types.js";
import { ALWAYS_PHRASE } from "./vocabulary.js";

/** Longer text is certainly not a term; refusing it keeps the reader O(1) on huge cells. */
const MAX_TERM_LENGTH = 300;

/** Lower case, ё→е, single spaces, no trailing punctuation: for whole-phrase matching. */
function foldPhrase(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/течении/g, "течение")
    .replace(/[.!,;]+$/, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** Every «always» phrase starts with one of these characters; other text skips the folding. */
const ALWAYS_FIRST_LETTER = /^[певрскн\d]/i;

function isAlwaysPhrase(text: string): boolean {
  if (!ALWAYS_FIRST_LETTER.test(text)) return false;
  const folded = foldPhrase(text);
  if (ALWAYS_PHRASE.test(folded)) return true;
  // «Постоянно, в течение года»: every part says the same.
  if (!/[,;]/.test(folded)) return false;
  const parts = folded
    .split(/[,;]/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
  return parts.length > 0 && parts.every((p) => ALWAYS_PHRASE.test(p));
}

const LEADING_LABEL = /^(?:срок|сроки|дата)(?:\s*[-–—:]\s*|\s+)(?=\S)/i;

function freezeResult(result: TermResult): TermResult {
  if (result.ok) {
    if (result.term.days) Object.freeze(result.term.days);
    Object.freeze(result.term);
  }
  return Object.freeze(result);
}

const samePeriod = (a: Period | null, b: Period | null): boolean =>
  a === b || (a !== null && b !== null && a.start === b.start && a.end === b.end && a.kind === b.kind);

/**
 * Plans repeat the same terms row after row («Апрель, май», «постоянно»), so results are
 * remembered per reporting period (a new period, or `limit` texts, starts afresh). Results
 * are frozen: callers share them safely.
 */
export class TermMemo {
  private results = new Map<string, TermResult>();
  private period: Period | null = null;

  constructor(private readonly limit = 4096) {}

  /** The result for `text` in `period`, read by `read` only the first time. */
  recall(text: string, period: Period | null, read: () => TermResult): TermResult {
    if (!samePeriod(period, this.period) || this.results.size >= this.limit) {
      this.results = new Map();
      this.period = period;
    }
    const known = this.results.get(text);
    if (known) return known;
    const result = freezeResult(read());
    this.results.set(text, result);
    return result;
  }
}

/** The memo of a validation that brings none: results depend only on the text and the period. */
const sharedMemo = new TermMemo();

/** Reads a term typed as text. Never throws. */
export function parseTermText(text: string, period: Period | null, memo: TermMemo = sharedMemo): TermResult {
  return memo.recall(text, period, () => readTermText(text, period));
}

function readTermText(text: string, period: Period | null): TermResult {
  // «Срок – постоянно», «Сроки: до 01.09.2023»: the label carries nothing.
  const trimmed = text.trim().replace(LEADING_LABEL, "");
  if (trimmed === "") return { ok: false, reason: "срок не указан" };
  if (trimmed.length > MAX_TERM_LENGTH) return { ok: false, reason: "слишком длинный текст для срока" };
  try {
    if (isAlwaysPhrase(trimmed)) {
      return {
        ok: true,
        term: { kind: "always", start: period?.start ?? null, end: period?.end ?? null, yearInferred: false },
      };
    }
    const syntax = parseSyntax(tokenize(trimmed));
    return { ok: true, term: toTerm(syntax, period) };
  } catch (e) {
    if (e instanceof TermError)
      return e.reversed ? { ok: false, reason: e.reason, reversed: true } : { ok: false, reason: e.reason };
    return { ok: false, reason: "не удалось разобрать срок" };
  }
}
