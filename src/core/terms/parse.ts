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
import { editDistance } from "../fold.js";
import {
  isRealDate,
  isoOf,
  isoParts,
  formatRuDate,
  monthEnd,
  monthStart,
  rangesOverlap,
} from "./dates.js";
import { MONTHS } from "./months.js";
import { type Token, tokenize } from "./tokens.js";
import type { IsoDate, Period, Term, TermKind, TermResult } from "./types.js";

/** Longer text is certainly not a term; refusing it keeps the reader O(1) on huge cells. */
export const MAX_TERM_LENGTH = 300;
/** Years a term may name. Outside this a «year» is a typo. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2199;

// ---------------------------------------------------------------------------------------
// Points: one date-like thing before its year is known.

type PartKind = "half" | "quarter" | "schoolTerm";

type Point =
  | { kind: "date"; day: number; month: number | null; year: number | null; raw: string }
  | { kind: "month"; month: number; year: number | null; raw: string }
  | { kind: "year"; year: number; raw: string }
  | { kind: "academic"; year: number; raw: string }
  | { kind: "part"; part: PartKind; n: number; year: number | null; academic: boolean; raw: string };

interface Segment {
  from: Point;
  /** null: a single point; "now": «по настоящее время»; "open": a dash with nothing after it. */
  to: Point | "now" | "open" | null;
  /** Joined by «по»/«до» rather than a dash: «с 2021 по 2022» are calendar years. */
  byWord: boolean;
}

type Mode = "plain" | "from" | "until";

interface Syntax {
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
class TermError {
  constructor(
    readonly reason: string,
    readonly reversed = false,
  ) {}
}

const fail = (reason: string): never => {
  throw new TermError(reason);
};

// ---------------------------------------------------------------------------------------
// Vocabulary.

/** Whole-cell phrases meaning «throughout the period». Matched on folded text. */
const ALWAYS_PHRASE = new RegExp(
  "^(?:" +
    [
      "постоянно|ежедневно|еженедельно|ежемесячно|ежеквартально|ежегодно|регулярно|систематически|периодически|круглогодично|круглый год",
      "по мере необходимости|по необходимости|по мере поступления",
      "весь (?:учебный |календарный |отчетный )?(?:год|период)",
      "(?:в течение|на протяжении) (?:всего )?(?:(?:учебного|календарного|отчетного) )?(?:года|периода|проекта|срока реализации проекта)",
      "в течение всего срока(?: реализации)?(?: проекта)?",
      // Frequencies: «1 раз в месяц», «2 раза в четверть», «каждую неделю».
      "(?:\\d{1,2} )?раза? в (?:неделю|месяц|квартал|четверть|полугодие|год)",
      "(?:каждый|каждую|каждое) (?:неделю|месяц|квартал|четверть|полугодие|год)",
    ].join("|") +
    ")$",
);
/** Words that carry no meaning for the dates («г.», «года», «включительно», «в»). */
const FILLER = new Set(["г", "год", "года", "году", "годом", "включительно", "в", "во", "на", "за", "от", "течение", "течении", "протяжении", "срок", "сроки", "месяц", "месяцы", "месяца", "месяцев"]);
const CALENDAR_YEARS = new Set(["гг", "годы", "годов", "годах", "годам"]);
const ACADEMIC = new Set(["уч", "учеб", "учебн", "учебный", "учебного", "учебном", "учебному", "учебным", "учебные", "учебных", "учебная", "ученого", "ученый"]);
const NOW_WORDS = new Set(["настоящее", "настоящий", "настоящего", "наст", "сегодняшний", "сегодняшнее", "текущий", "текущее", "текущего", "нынешнее", "нынешний", "сих"]);
/** Words after a «now» word that belong to it: «настоящее время», «н. в.», «сих пор». */
const NOW_TAIL = new Set(["время", "вр", "в", "день", "дня", "момент", "пор", "дней"]);
const isNowTail = (t: Token | undefined): boolean => t?.type === "word" && NOW_TAIL.has(t.word);
const FROM_WORDS = new Set(["с", "со", "начиная"]);
const UNTIL_WORDS = new Set(["до", "по", "к", "не", "позднее", "позже"]);
const RANGE_WORDS = new Set(["по", "до"]);
const AND_WORDS = new Set(["и"]);
const END_WORDS = new Set(["конца", "окончания", "завершения", "конец"]);
const ORDINAL_SUFFIX = new Set(["е", "й", "ое", "ой", "ый", "ий", "го", "ого", "м", "ом", "ем", "я", "ая"]);
const ORDINAL_WORDS: ReadonlyMap<string, number> = new Map([
  ...["первое", "первый", "первом", "первого", "первая", "первой", "перв", "i"].map((w) => [w, 1] as const),
  ...["второе", "второй", "втором", "второго", "вторая", "втор", "ii"].map((w) => [w, 2] as const),
  ...["третье", "третий", "третьем", "третьего", "третья", "третьей", "iii"].map((w) => [w, 3] as const),
  ...["четвертое", "четвертый", "четвертом", "четвертого", "четвертая", "четвертой", "iv"].map((w) => [w, 4] as const),
]);

function partOf(word: string): PartKind | null {
  if (word.startsWith("полугод") || word === "пол" || word === "пг") return "half";
  if (word.startsWith("квартал") || word === "кв") return "quarter";
  if (word.startsWith("четверт") && word !== "четвертый" && word !== "четвертое" && word !== "четвертая" && word !== "четвертом" && word !== "четвертого" && word !== "четвертой") return "schoolTerm";
  return null;
}

const PART_LIMIT: Record<PartKind, number> = { half: 2, quarter: 4, schoolTerm: 4 };

/** School terms (четверти): first month and last month; the year of the first month is the point's year. */
const SCHOOL_TERMS: readonly (readonly [number, number])[] = [
  [9, 10],
  [11, 12],
  [1, 3],
  [4, 5],
];

// ---------------------------------------------------------------------------------------
// Tokens → syntax.

/** Replaces «по настоящее время», «н.в.» by a single marker and drops filler words. */
function prepare(tokens: Token[], flags: { academic: boolean; calendarYears: boolean }): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type !== "word") {
      out.push(t);
      continue;
    }
    const next = tokens[i + 1];
    const isNow = NOW_WORDS.has(t.word) || (t.word === "н" && next?.type === "word" && (next.word === "в" || next.word === "вр"));
    const isNowSlash = t.word === "н" && next?.type === "dash" && next.raw === "/" && tokens[i + 2]?.type === "word";
    if (isNow || isNowSlash) {
      if (isNowSlash) i++;
      while (isNowTail(tokens[i + 1])) i++;
      out.push({ type: "word", word: "§now", month: null, raw: t.raw });
      continue;
    }
    if (ACADEMIC.has(t.word)) {
      flags.academic = true;
      continue;
    }
    if (CALENDAR_YEARS.has(t.word)) {
      flags.calendarYears = true;
      continue;
    }
    if (FILLER.has(t.word)) continue;
    out.push(t);
  }
  // A list may end with a stray comma («Февраль-ноябрь,»), or start with one or a dash («Срок – до …»).
  while (out.length > 0 && out[out.length - 1]!.type === "comma") out.pop();
  while (out.length > 0 && (out[0]!.type === "comma" || out[0]!.type === "dash")) out.shift();
  return out;
}

const isYearNumber = (t: Token | undefined): t is Extract<Token, { type: "num" }> =>
  t?.type === "num" && t.digits === 4;

const wordOf = (t: Token | undefined): string | null => (t?.type === "word" ? t.word : null);

function unknownWord(raw: string, word: string): string {
  if (word.length >= 3) {
    for (const forms of MONTHS) {
      for (const name of [forms.nominative, forms.genitive]) {
        if (editDistance(word, name, 2) <= (word.length <= 4 ? 1 : 2)) return `месяц «${raw.replace(/\.$/, "")}» не распознан`;
      }
    }
  }
  return `непонятное слово «${raw.replace(/\.$/, "")}»`;
}

function unexpected(t: Token | undefined): string {
  if (t === undefined) return "срок обрывается на середине";
  if (t.type === "word") return unknownWord(t.raw, t.word);
  if (t.type === "other") return `непонятный знак «${t.raw}»`;
  return `не удалось разобрать срок около «${t.raw}»`;
}

class Reader {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  peek(offset = 0): Token | undefined {
    return this.tokens[this.pos + offset];
  }
  take(): Token | undefined {
    return this.tokens[this.pos++];
  }
  done(): boolean {
    return this.pos >= this.tokens.length;
  }
  peekWord(offset = 0): string | null {
    return wordOf(this.peek(offset));
  }

  /** A written year after a point: «май 2022», «24.02 2022». */
  optionalYear(): number | null {
    const t = this.peek();
    if (isYearNumber(t)) {
      this.pos++;
      return t.value;
    }
    return null;
  }

  /** «1-е», «1», «I», «первое» followed by «полугодие»/«квартал»/«четверть»; null if not here. */
  tryPart(): Point | null {
    const t = this.peek();
    let n: number | null = null;
    let width = 0;
    if (t?.type === "num" && t.digits <= 2) {
      n = t.value;
      width = 1;
      if (this.peek(1)?.type === "dash" && ORDINAL_SUFFIX.has(this.peekWord(2) ?? "")) width = 3;
      else if (ORDINAL_SUFFIX.has(this.peekWord(1) ?? "") && partOf(this.peekWord(2) ?? "") !== null) width = 2;
    } else if (t?.type === "word" && ORDINAL_WORDS.has(t.word)) {
      n = ORDINAL_WORDS.get(t.word)!;
      width = 1;
    }
    if (n === null) return null;
    const part = partOf(this.peekWord(width) ?? "");
    if (part === null) return null;
    const raw = this.tokens
      .slice(this.pos, this.pos + width + 1)
      .map((x) => x.raw)
      .join(" ");
    this.pos += width + 1;
    if (n < 1 || n > PART_LIMIT[part]) fail(`${part === "half" ? "полугодия" : part === "quarter" ? "квартала" : "четверти"} с номером ${n} не бывает`);
    const year = this.optionalYear();
    if (year !== null) checkYear(year);
    // «1 полугодие 2021-2022 учебного года»: a half of that academic year.
    const academic = year !== null && this.academicSecondYear(year);
    return { kind: "part", part, n, year, academic, raw };
  }

  /** After a year Y: «-Y+1» or «/YY» makes it an academic year; consumes it and returns true. */
  academicSecondYear(year: number): boolean {
    const dash = this.peek();
    const second = this.peek(1);
    if (dash?.type !== "dash" || second?.type !== "num") return false;
    const next = year + 1;
    if ((second.digits === 4 && second.value === next) || (second.digits === 2 && second.value === next % 100)) {
      this.pos += 2;
      return true;
    }
    return false;
  }

  /** One point, or a TermError. */
  point(): Point {
    const part = this.tryPart();
    if (part) return part;
    const t = this.take();
    if (t === undefined) return fail("срок обрывается на середине");
    switch (t.type) {
      case "date": {
        const year = t.year ?? this.optionalYear();
        return { kind: "date", day: t.day, month: t.month, year, raw: t.raw };
      }
      case "monthYear":
        return { kind: "month", month: t.month, year: t.year, raw: t.raw };
      case "num": {
        if (t.digits === 4) {
          checkYear(t.value);
          // «2021/22»; «2021-2022» is decided later, when «гг.» or «по» may say calendar years.
          if (this.peek(1)?.type === "num" && this.peek(1)!.raw.length === 2 && this.academicSecondYear(t.value)) {
            return { kind: "academic", year: t.value, raw: t.raw };
          }
          return { kind: "year", year: t.value, raw: t.raw };
        }
        const month = this.peek()?.type === "word" ? (this.peek() as { month: number | null }).month : null;
        if (month !== null && t.digits <= 2) {
          this.pos++;
          return { kind: "date", day: t.value, month, year: this.optionalYear(), raw: `${t.raw} ${MONTHS[month - 1]!.genitive}` };
        }
        if (t.digits <= 2 && t.value >= 1 && t.value <= 31) return { kind: "date", day: t.value, month: null, year: null, raw: t.raw };
        return fail(`число ${t.raw} не похоже ни на дату, ни на год`);
      }
      case "word":
        if (t.month !== null) return { kind: "month", month: t.month, year: this.optionalYear(), raw: t.raw };
        return fail(unexpected(t));
      default:
        return fail(unexpected(t));
    }
  }
}

function isSeparator(r: Reader): boolean {
  const t = r.peek();
  return t?.type === "comma" || AND_WORDS.has(r.peekWord() ?? "");
}

/** Does the next token start a point (so that a label month is followed by days)? */
function startsDay(t: Token | undefined): boolean {
  return t?.type === "date" || (t?.type === "num" && t.digits <= 2);
}

function parseSyntax(tokens: Token[]): Syntax {
  const flags = { academic: false, calendarYears: false };
  const prepared = prepare(tokens, flags);
  const r = new Reader(prepared);
  const syntax: Syntax = { mode: "plain", segments: [], labelMonth: null, untilPeriodEnd: false, ...flags };
  if (r.done()) return syntax;

  const first = r.peekWord();
  if (first !== null && FROM_WORDS.has(first)) {
    syntax.mode = "from";
    r.take();
    if (r.peekWord() === "с") r.take(); // «начиная с»
  } else if (first !== null && UNTIL_WORDS.has(first)) {
    syntax.mode = "until";
    while (r.peekWord() !== null && UNTIL_WORDS.has(r.peekWord()!)) r.take(); // «не позднее», «не позже»
    if (r.peekWord() !== null && END_WORDS.has(r.peekWord()!)) {
      r.take();
      if (r.done()) {
        syntax.untilPeriodEnd = true;
        return syntax;
      }
    }
  }

  // Days under a month label: «Ноябрь 15.11, 17.11, 22.11», «ноябрь: 15, 17».
  const head = r.peek();
  if (syntax.mode === "plain" && head?.type === "word" && head.month !== null && startsDay(r.peek(1))) {
    syntax.labelMonth = head.month;
    r.take();
  }

  for (;;) {
    const from = r.point();
    let to: Segment["to"] = null;
    const sep = r.peek();
    const byWord = sep?.type === "word";
    if (sep?.type === "dash" || (sep?.type === "word" && RANGE_WORDS.has(sep.word))) {
      r.take();
      if (r.done() || isSeparator(r)) to = "open";
      else if (r.peekWord() === "§now") {
        r.take();
        to = "now";
      } else to = r.point();
    } else if (sep?.type === "word" && sep.word === "§now") {
      r.take();
      to = "now";
    }
    syntax.segments.push({ from, to, byWord });
    if (r.done()) break;
    if (isSeparator(r)) {
      r.take();
      if (r.done()) break;
      continue;
    }
    // Day lists under a label are often written with spaces only: «Ноябрь 15.11 17.11».
    if (syntax.labelMonth !== null && startsDay(r.peek())) continue;
    fail(unexpected(r.peek()));
  }
  return syntax;
}

// ---------------------------------------------------------------------------------------
// Years and months filled in.

/** Month used to place a point within the year (for year inference and ordering). */
function keyMonth(p: Point): number {
  switch (p.kind) {
    case "date":
      return p.month ?? 1;
    case "month":
      return p.month;
    case "part":
      if (p.part === "quarter") return p.n * 3 - 2;
      if (p.part === "schoolTerm") return SCHOOL_TERMS[p.n - 1]![0];
      if (p.academic) return p.n === 1 ? 9 : 1;
      return p.n === 1 ? 1 : 7;
    default:
      return 1;
  }
}

const hasYear = (p: Point): boolean => p.kind === "year" || p.kind === "academic" || p.year !== null;

function setYear(p: Point, year: number): void {
  if (p.kind === "date" || p.kind === "month" || p.kind === "part") p.year = year;
}

const yearOfPoint = (p: Point): number | null => p.year;

/** Day-of-year-ish order of a point, for «15.12-15.01.2022» roll-over. */
const orderKey = (p: Point): number => keyMonth(p) * 100 + (p.kind === "date" ? p.day : 1);
const sameMonth = (a: Point, b: Point): boolean => keyMonth(a) === keyMonth(b);

/** True when the period runs September to August (academic years and such ranges). */
function isAcademicPeriod(period: Period | null): boolean {
  return period !== null && (period.kind === "academic" || (period.start.slice(5) === "09-01" && period.end.slice(5) === "08-31"));
}

/** The year in which a month falls inside the period; the period's first year if none does. */
function inferYear(month: number, period: Period): number {
  const first = isoParts(period.start).year;
  const last = Math.min(isoParts(period.end).year, first + 10);
  for (let y = first; y <= last; y++) {
    if (rangesOverlap(monthStart(y, month), monthEnd(y, month), period.start, period.end)) return y;
  }
  return first;
}

const NO_YEAR = "не указан год, а отчётный период не заполнен";

/** Fills missing months of bare days and missing years; returns whether any year came from the period. */
function fillIn(syntax: Syntax, period: Period | null): boolean {
  const points: Point[] = [];
  for (const s of syntax.segments) {
    points.push(s.from);
    if (typeof s.to === "object" && s.to !== null) points.push(s.to);
  }
  // Months of bare days: from the range partner, the label, or the next point with a month.
  for (const s of syntax.segments) {
    const to = typeof s.to === "object" ? s.to : null;
    if (to && s.from.kind === "date" && to.kind === "date") {
      if (s.from.month === null && to.month !== null) s.from.month = to.month;
      if (to.month === null && s.from.month !== null) to.month = s.from.month;
    }
  }
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    if (p.kind !== "date" || p.month !== null) continue;
    if (syntax.labelMonth !== null) {
      p.month = syntax.labelMonth;
      continue;
    }
    const later = points.slice(i + 1).find((q) => q.kind === "date" && q.month !== null) as { month: number } | undefined;
    if (!later) fail(`у числа «${p.raw}» не указан месяц`);
    p.month = later!.month;
  }

  // Written years spread within a range, rolling over the new year («15.12-15.01.2022»).
  for (const s of syntax.segments) {
    const to = typeof s.to === "object" ? s.to : null;
    if (!to) continue;
    const from = s.from;
    if (!hasYear(from) && hasYear(to) && (to.kind === "date" || to.kind === "month" || to.kind === "part")) {
      const y = yearOfPoint(to)!;
      setYear(from, orderKey(from) > orderKey(to) && !sameMonth(from, to) ? y - 1 : y);
    } else if (hasYear(from) && !hasYear(to) && (from.kind === "date" || from.kind === "month" || from.kind === "part")) {
      const y = yearOfPoint(from)!;
      setYear(to, orderKey(to) < orderKey(from) && !sameMonth(from, to) ? y + 1 : y);
    }
  }
  // Written years spread along a list («Апрель, май 2022»): the next written year, else the previous.
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    if (hasYear(p)) continue;
    const donor = points.slice(i + 1).find(hasYear) ?? points.slice(0, i).reverse().find(hasYear);
    if (donor) setYear(p, yearOfPoint(donor)!);
  }
  // Whatever is still missing comes from the reporting period.
  let inferred = false;
  const academicPeriod = isAcademicPeriod(period);
  const missing = new Set(points.filter((p) => !hasYear(p)));
  for (const p of points) {
    if (hasYear(p)) continue;
    if (period === null) return fail(NO_YEAR);
    if (p.kind === "part" && p.part === "half" && academicPeriod) {
      // A half without a year in an academic period is a half of that academic year.
      p.academic = true;
      setYear(p, inferYear(9, period));
    } else {
      setYear(p, inferYear(keyMonth(p), period));
    }
    inferred = true;
  }
  // A period across the new year («2019-2020 учебный год»): «Февраль-ноябрь» runs forward
  // into the next year rather than backwards. In a calendar-year period it stays reversed.
  if (period !== null && period.start.slice(0, 4) !== period.end.slice(0, 4)) {
    for (const s of syntax.segments) {
      const to = typeof s.to === "object" ? s.to : null;
      if (!to || !missing.has(s.from) || !missing.has(to) || sameMonth(s.from, to)) continue;
      if (yearOfPoint(to)! < yearOfPoint(s.from)!) setYear(to, yearOfPoint(to)! + 1);
    }
  }
  return inferred;
}

// ---------------------------------------------------------------------------------------
// Points → calendar dates.

function checkYear(year: number): void {
  if (year < MIN_YEAR || year > MAX_YEAR) fail(`год ${year} вне допустимого диапазона`);
}

function spanOf(p: Point): { start: IsoDate; end: IsoDate } {
  switch (p.kind) {
    case "date": {
      const year = p.year!;
      const month = p.month!;
      checkYear(year);
      if (!isRealDate(year, month, p.day)) {
        const dd = String(p.day).padStart(2, "0");
        const mm = String(month).padStart(2, "0");
        fail(month >= 1 && month <= 12 && p.day >= 1 && p.day <= 31 ? `даты ${dd}.${mm}.${year} не существует` : `даты «${p.raw}» не существует`);
      }
      const iso = isoOf(year, month, p.day);
      return { start: iso, end: iso };
    }
    case "month":
      checkYear(p.year!);
      if (p.month < 1 || p.month > 12) fail(`месяца с номером ${p.month} не бывает`);
      return { start: monthStart(p.year!, p.month), end: monthEnd(p.year!, p.month) };
    case "year":
      checkYear(p.year);
      return { start: isoOf(p.year, 1, 1), end: isoOf(p.year, 12, 31) };
    case "academic":
      checkYear(p.year + 1);
      return { start: isoOf(p.year, 9, 1), end: isoOf(p.year + 1, 8, 31) };
    case "part": {
      const year = p.year!;
      checkYear(year);
      if (p.part === "quarter") return { start: monthStart(year, p.n * 3 - 2), end: monthEnd(year, p.n * 3) };
      if (p.part === "schoolTerm") {
        const [first, last] = SCHOOL_TERMS[p.n - 1]!;
        return { start: monthStart(year, first), end: monthEnd(year, last) };
      }
      // «1 полугодие 2021-2022 учебного года»: Sep–Dec / Jan–Aug; a written single year: calendar halves.
      if (p.academic) return p.n === 1 ? { start: isoOf(year, 9, 1), end: isoOf(year, 12, 31) } : { start: isoOf(year + 1, 1, 1), end: isoOf(year + 1, 8, 31) };
      return p.n === 1 ? { start: isoOf(year, 1, 1), end: isoOf(year, 6, 30) } : { start: isoOf(year, 7, 1), end: isoOf(year, 12, 31) };
    }
  }
}

function pointKind(p: Point): TermKind {
  switch (p.kind) {
    case "date":
      return "date";
    case "month":
      return "month";
    case "year":
      return "year";
    case "academic":
      return "academic";
    case "part":
      return p.part === "half" ? "half" : "quarter";
  }
}

export function reversedReason(start: IsoDate, end: IsoDate): string {
  return `срок заканчивается (${formatRuDate(end)}) раньше, чем начинается (${formatRuDate(start)})`;
}

function toTerm(syntax: Syntax, period: Period | null): Term {
  if (syntax.untilPeriodEnd) {
    if (period === null) fail("не указано, конец какого года имеется в виду, а отчётный период не заполнен");
    return { kind: "deadline", start: null, end: period!.end, yearInferred: true };
  }
  if (syntax.segments.length === 0) fail("срок не указан");

  // «2019-2020» (no «гг.», no «по»): one academic year; «2021-2023», «2021-2022 гг.»,
  // «с 2021 по 2022»: calendar years, read as an ordinary range below.
  const only = syntax.segments.length === 1 ? syntax.segments[0]! : null;
  if (only && only.from.kind === "year") {
    const y = only.from.year;
    const to = typeof only.to === "object" ? only.to : null;
    const consecutive = to?.kind === "year" && to.year === y + 1 && (syntax.academic || (!syntax.calendarYears && !only.byWord));
    // «2021 учебный год»: the academic year starting then.
    const single = only.to === null && syntax.academic;
    if (consecutive || single) {
      only.from = { kind: "academic", year: y, raw: only.from.raw };
      only.to = null;
    }
  }
  const yearInferred = fillIn(syntax, period);

  let start = null as IsoDate | null;
  let end = null as IsoDate | null;
  let open = false;
  const spans: { start: IsoDate; end: IsoDate }[] = [];
  for (const s of syntax.segments) {
    const a = spanOf(s.from);
    let span = a;
    if (typeof s.to === "object" && s.to !== null) {
      const b = spanOf(s.to);
      if (b.end < a.start) throw new TermError(reversedReason(a.start, b.end), true);
      span = { start: a.start, end: b.end };
    } else if (s.to === "now" || s.to === "open") {
      open = true;
    }
    spans.push(span);
    start = start === null || span.start < start ? span.start : start;
    end = end === null || span.end > end ? span.end : end;
  }

  if (syntax.mode === "until") {
    if (syntax.segments.length !== 1 || only?.to !== null) fail("после «до» ожидается одна дата");
    return { kind: "deadline", start: null, end, yearInferred };
  }
  if (open || (syntax.mode === "from" && only?.to === null)) {
    if (syntax.segments.length !== 1) fail("открытый срок («по настоящее время») может быть только один");
    return { kind: "ongoing", start, end: null, yearInferred };
  }

  let kind: TermKind;
  if (only && only.to === null) kind = pointKind(only.from);
  else {
    const pts = syntax.segments.flatMap((s) => [s.from, ...(typeof s.to === "object" && s.to !== null ? [s.to] : [])]);
    const ranged = syntax.segments.some((s) => s.to !== null);
    if (pts.every((p) => p.kind === "month")) kind = "months";
    else if (!ranged && pts.every((p) => p.kind === "date")) kind = "days";
    else kind = "range";
  }
  const term: Term = { kind, start, end, yearInferred };
  if (kind === "days") return { ...term, days: spans.map((s) => s.start) };
  return term;
}

// ---------------------------------------------------------------------------------------
// Entry points.

/** Lower case, ё→е, single spaces, no trailing punctuation: for whole-phrase matching. */
function foldPhrase(text: string): string {
  return text.toLowerCase().replace(/ё/g, "е").replace(/течении/g, "течение").replace(/[.!,;]+$/, "").replace(/\s+/g, " ").trim();
}

/** Every «always» phrase starts with one of these characters; other text skips the folding. */
const ALWAYS_FIRST_LETTER = /^[певрскн\d]/i;

function isAlwaysPhrase(text: string): boolean {
  if (!ALWAYS_FIRST_LETTER.test(text)) return false;
  const folded = foldPhrase(text);
  if (ALWAYS_PHRASE.test(folded)) return true;
  // «Постоянно, в течение года»: every part says the same.
  if (!/[,;]/.test(folded)) return false;
  const parts = folded.split(/[,;]/).map((p) => p.trim()).filter((p) => p !== "");
  return parts.length > 0 && parts.every((p) => ALWAYS_PHRASE.test(p));
}

const LEADING_LABEL = /^(?:срок|сроки|дата)(?:\s*[-–—:]\s*|\s+)(?=\S)/i;

/**
 * Plans repeat the same terms row after row («Апрель, май», «постоянно»), so results are
 * remembered per reporting period. Results are frozen: callers share them safely.
 */
const MEMO_LIMIT = 4096;
let memo = new Map<string, TermResult>();
let memoPeriod: Period | null = null;

function freezeResult(result: TermResult): TermResult {
  if (result.ok) {
    if (result.term.days) Object.freeze(result.term.days);
    Object.freeze(result.term);
  }
  return Object.freeze(result);
}

/** Reads a term typed as text. Never throws. */
export function parseTermText(text: string, period: Period | null): TermResult {
  const samePeriod =
    period === memoPeriod ||
    (period !== null && memoPeriod !== null && period.start === memoPeriod.start && period.end === memoPeriod.end && period.kind === memoPeriod.kind);
  if (!samePeriod || memo.size >= MEMO_LIMIT) {
    memo = new Map();
    memoPeriod = period;
  }
  const known = memo.get(text);
  if (known) return known;
  const result = freezeResult(readTermText(text, period));
  memo.set(text, result);
  return result;
}

function readTermText(text: string, period: Period | null): TermResult {
  // «Срок – постоянно», «Сроки: до 01.09.2023»: the label carries nothing.
  const trimmed = text.trim().replace(LEADING_LABEL, "");
  if (trimmed === "") return { ok: false, reason: "срок не указан" };
  if (trimmed.length > MAX_TERM_LENGTH) return { ok: false, reason: "слишком длинный текст для срока" };
  try {
    if (isAlwaysPhrase(trimmed)) {
      return { ok: true, term: { kind: "always", start: period?.start ?? null, end: period?.end ?? null, yearInferred: false } };
    }
    const syntax = parseSyntax(tokenize(trimmed));
    return { ok: true, term: toTerm(syntax, period) };
  } catch (e) {
    if (e instanceof TermError) return e.reversed ? { ok: false, reason: e.reason, reversed: true } : { ok: false, reason: e.reason };
    return { ok: false, reason: "не удалось разобрать срок" };
  }
}

