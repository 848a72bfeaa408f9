/**
 * Splits a term as typed («Март – июнь 2021 г.», «14.03.-31.03», «до 15.09.2023 года») into
 * tokens. One linear pass with sticky regexes compiled once; no backtracking across tokens.
 */
import { monthNumber } from "./months.js";

export type Token =
  /** 24.02, 24.02.2022, 24.02.22, 2022-02-24. year null when not written. */
  | {
      readonly type: "date";
      readonly day: number;
      readonly month: number;
      readonly year: number | null;
      readonly raw: string;
    }
  /** 03.2022 — a month and a year. */
  | { readonly type: "monthYear"; readonly month: number; readonly year: number; readonly raw: string }
  | { readonly type: "num"; readonly value: number; readonly digits: number; readonly raw: string }
  /** word: lower case, ё→е, trailing dot removed; month: its number or null. */
  | { readonly type: "word"; readonly word: string; readonly month: number | null; readonly raw: string }
  /** Any dash or a slash between parts of a range. */
  | { readonly type: "dash"; readonly raw: string }
  /** A list separator: comma or semicolon. */
  | { readonly type: "comma"; readonly raw: string }
  | { readonly type: "other"; readonly raw: string };

const SPACE = /[\s\u200b-\u200d]+/y;
const ISO_DATE = /(\d{4})([-.])(\d{2})\2(\d{2})(?!\d)/y;
const MONTH_YEAR = /(\d{1,2})[./](\d{4})(?!\d)\.?/y;
const DAY_MONTH = /(\d{1,2})[./](\d{1,2})(?:[./](\d{4}|\d{2})(?!\d))?\.?/y;
const NUMBER = /\d+/y;
/** A time after a date, as exports write datetimes: «05.03.2022 0:00:00». */
const TIME = /\d{1,2}:\d{2}(?::\d{2})?(?!\d)/y;
const WORD = /[a-zа-яё]+\.?/iy;
const DASH = /[-‐‑‒–—―−/]+/y;
const COMMA = /[,;]/y;
/** Punctuation that carries no meaning in a term: quotes, colons, stray dots. */
const IGNORED = /[:«»"“”„'‘’`.()]+/y;

/** Two-digit years: 00–69 → 2000s, 70–99 → 1900s. */
function expandYear(digits: string): number {
  const n = Number(digits);
  if (digits.length !== 2) return n;
  return n < 70 ? 2000 + n : 1900 + n;
}

function at(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

const isDigit = (code: number): boolean => code >= 48 && code <= 57;

/** Tokens of a term. The caller bounds the text length. Dispatches on the first character. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  while (pos < text.length) {
    let m: RegExpExecArray | null;
    if (isDigit(text.charCodeAt(pos))) {
      if (tokens[tokens.length - 1]?.type === "date" && (m = at(TIME, text, pos))) {
        // The time of day says nothing about the term.
      } else if ((m = at(ISO_DATE, text, pos))) {
        tokens.push({ type: "date", year: Number(m[1]), month: Number(m[3]), day: Number(m[4]), raw: m[0] });
      } else if ((m = at(MONTH_YEAR, text, pos))) {
        tokens.push({ type: "monthYear", month: Number(m[1]), year: Number(m[2]), raw: m[0] });
      } else if ((m = at(DAY_MONTH, text, pos))) {
        const year = m[3] === undefined ? null : expandYear(m[3]);
        tokens.push({ type: "date", day: Number(m[1]), month: Number(m[2]), year, raw: m[0] });
      } else {
        m = at(NUMBER, text, pos)!;
        tokens.push({ type: "num", value: Number(m[0]), digits: m[0].length, raw: m[0] });
      }
    } else if ((m = at(WORD, text, pos))) {
      const word = m[0].toLowerCase().replace(/ё/g, "е").replace(/\.$/, "");
      tokens.push({ type: "word", word, month: monthNumber(word), raw: m[0] });
    } else if ((m = at(SPACE, text, pos)) || (m = at(IGNORED, text, pos))) {
      // nothing to keep
    } else if ((m = at(DASH, text, pos))) {
      tokens.push({ type: "dash", raw: m[0] });
    } else if ((m = at(COMMA, text, pos))) {
      tokens.push({ type: "comma", raw: m[0] });
    } else {
      const ch = String.fromCodePoint(text.codePointAt(pos) ?? 0xfffd);
      tokens.push({ type: "other", raw: ch });
      pos += ch.length;
      continue;
    }
    pos += m[0].length;
  }
  return tokens;
}
