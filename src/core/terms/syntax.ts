/** Tokens → syntax: points joined into segments («с … по …», «до …», ranges and lists). */
import { editDistance } from "../fold.js";
import { MONTHS } from "./months.js";
import { checkYear, fail, type Point, type Segment, type Syntax } from "./points.js";
import type { Token } from "./tokens.js";
import {
  ACADEMIC,
  AND_WORDS,
  CALENDAR_YEARS,
  END_WORDS,
  FILLER,
  FROM_WORDS,
  isNowTail,
  NOW_WORDS,
  ORDINAL_SUFFIX,
  ORDINAL_WORDS,
  PART_LIMIT,
  partOf,
  RANGE_WORDS,
  UNTIL_WORDS,
} from "./vocabulary.js";

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
    const isNow =
      NOW_WORDS.has(t.word) || (t.word === "н" && next?.type === "word" && (next.word === "в" || next.word === "вр"));
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
        if (editDistance(word, name, 2) <= (word.length <= 4 ? 1 : 2))
          return `месяц «${raw.replace(/\.$/, "")}» не распознан`;
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
    if (n < 1 || n > PART_LIMIT[part])
      fail(`${part === "half" ? "полугодия" : part === "quarter" ? "квартала" : "четверти"} с номером ${n} не бывает`);
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
          return {
            kind: "date",
            day: t.value,
            month,
            year: this.optionalYear(),
            raw: `${t.raw} ${MONTHS[month - 1]!.genitive}`,
          };
        }
        if (t.digits <= 2 && t.value >= 1 && t.value <= 31)
          return { kind: "date", day: t.value, month: null, year: null, raw: t.raw };
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

export function parseSyntax(tokens: Token[]): Syntax {
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
