/**
 * Numbers in words the way a справка writes them: «наставник семи учителей семи школ с НОР»,
 * «в три этапа», «на первом этапе». Small numbers only (a справка names a handful of stages,
 * mentors and schools); larger ones stay in digits with the right noun form.
 */
import { type PluralForms, plural, ruNumber } from "../russian.js";

const CARDINAL = [
  "ноль",
  "один",
  "два",
  "три",
  "четыре",
  "пять",
  "шесть",
  "семь",
  "восемь",
  "девять",
  "десять",
  "одиннадцать",
  "двенадцать",
  "тринадцать",
  "четырнадцать",
  "пятнадцать",
  "шестнадцать",
  "семнадцать",
  "восемнадцать",
  "девятнадцать",
  "двадцать",
] as const;

const GENITIVE = [
  "ноля",
  "одного",
  "двух",
  "трёх",
  "четырёх",
  "пяти",
  "шести",
  "семи",
  "восьми",
  "девяти",
  "десяти",
  "одиннадцати",
  "двенадцати",
  "тринадцати",
  "четырнадцати",
  "пятнадцати",
  "шестнадцати",
  "семнадцати",
  "восемнадцати",
  "девятнадцати",
  "двадцати",
] as const;

const ORDINAL = [
  "нулевой",
  "первый",
  "второй",
  "третий",
  "четвёртый",
  "пятый",
  "шестой",
  "седьмой",
  "восьмой",
  "девятый",
  "десятый",
] as const;
const ORDINAL_PREPOSITIONAL = [
  "нулевом",
  "первом",
  "втором",
  "третьем",
  "четвёртом",
  "пятом",
  "шестом",
  "седьмом",
  "восьмом",
  "девятом",
  "десятом",
] as const;

export type Gender = "masculine" | "feminine";

/** «три этапа», «одна школа», «25 этапов»: nominative (= accusative of things). */
export function countInWords(n: number, forms: PluralForms, gender: Gender = "masculine"): string {
  if (!Number.isInteger(n) || n < 0 || n > 20) return `${ruNumber(n)} ${plural(n, forms)}`;
  let word: string = CARDINAL[n]!;
  if (gender === "feminine" && n === 1) word = "одна";
  if (gender === "feminine" && n === 2) word = "две";
  return `${word} ${plural(n, forms)}`;
}

/**
 * Genitive after «наставник …»: «одного учителя», «семи учителей», «одной школы», «21 учителя».
 * `forms` are the genitive singular and plural: ["учителя", "учителей"].
 */
export function genitiveCount(
  n: number,
  forms: readonly [singular: string, plural: string],
  gender: Gender = "masculine",
): string {
  const noun = n % 10 === 1 && n % 100 !== 11 ? forms[0] : forms[1];
  if (!Number.isInteger(n) || n < 0 || n > 20) return `${ruNumber(n)} ${noun}`;
  const word = gender === "feminine" && n === 1 ? "одной" : GENITIVE[n]!;
  return `${word} ${noun}`;
}

/** «первый», «второй» … for stage numbers 1–10; beyond that «11-й». */
export function ordinal(n: number): string {
  return Number.isInteger(n) && n >= 1 && n <= 10 ? ORDINAL[n]! : `${n}-й`;
}

/** «первом», «втором» … (после «на … этапе»); beyond ten «11-м». */
export function ordinalPrepositional(n: number): string {
  return Number.isInteger(n) && n >= 1 && n <= 10 ? ORDINAL_PREPOSITIONAL[n]! : `${n}-м`;
}
