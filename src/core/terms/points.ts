/** The parser's intermediate forms: points (one date-like thing before its year is known), segments and the syntax of a term. */

export type PartKind = "half" | "quarter" | "schoolTerm";

export type Point =
  | { kind: "date"; day: number; month: number | null; year: number | null; raw: string }
  | { kind: "month"; month: number; year: number | null; raw: string }
  | { kind: "year"; year: number; raw: string }
  | { kind: "academic"; year: number; raw: string }
  | { kind: "part"; part: PartKind; n: number; year: number | null; academic: boolean; raw: string };

export interface Segment {
  from: Point;
  /** null: a single point; "now": «по настоящее время»; "open": a dash with nothing after it. */
  to: Point | "now" | "open" | null;
  /** Joined by «по»/«до» rather than a dash: «с 2021 по 2022» are calendar years. */
  byWord: boolean;
}

type Mode = "plain" | "from" | "until";

export interface Syntax {
  mode: Mode;
  segments: Segment[];
  /** «Ноябрь 15.11, 17.11»: the leading month is a label for the days. */
  labelMonth: number | null;
  /** «до конца года»: a deadline at the end of the reporting period. */
  untilPeriodEnd: boolean;
  /** «учебный год» was written. */
  academic: boolean;
  /** «гг.», «годы» was written: «2021-2022 гг.» are two calendar years. */
  calendarYears: boolean;
}

/** Thrown inside the parser only. Not an Error: capturing a stack trace per bad cell costs more than parsing it. */
export class TermError {
  constructor(
    readonly reason: string,
    readonly reversed = false,
  ) {}
}

export const fail = (reason: string): never => {
  throw new TermError(reason);
};

/** Years a term may name. Outside this a «year» is a typo. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2199;

export function checkYear(year: number): void {
  if (year < MIN_YEAR || year > MAX_YEAR) fail(`год ${year} вне допустимого диапазона`);
}
