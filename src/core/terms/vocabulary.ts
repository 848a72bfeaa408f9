/** The words of terms: phrases meaning «the whole period», filler words, «с»/«до»/«по», ordinals and parts of a year. */
import type { PartKind } from "./points.js";
import type { Token } from "./tokens.js";

/** Whole-cell phrases meaning «throughout the period». Matched on folded text. */
export const ALWAYS_PHRASE = new RegExp(
  "^(?:" +
    [
      "постоянно|ежедневно|еженедельно|ежемесячно|ежеквартально|ежегодно|регулярно|систематически|периодически|круглогодично|круглый год",
      "по мере необходимости|по необходимости|по мере поступления",
      "весь (?:учебный |календарный |отчетный )?(?:год|период)",
      "(?:в течение|на протяжении) (?:всего )?(?:(?:учебного|календарного|отчетного) " +
        ")?(?:года|периода|проекта|срока реализации проекта)",
      "в течение всего срока(?: реализации)?(?: проекта)?",
      // Frequencies: «1 раз в месяц», «2 раза в четверть», «каждую неделю».
      "(?:\\d{1,2} )?раза? в (?:неделю|месяц|квартал|четверть|полугодие|год)",
      "(?:каждый|каждую|каждое) (?:неделю|месяц|квартал|четверть|полугодие|год)",
    ].join("|") +
    ")$",
);
/** Words that carry no meaning for the dates («г.», «года», «включительно», «в»). */
export const FILLER = new Set([
  "г",
  "год",
  "года",
  "году",
  "годом",
  "включительно",
  "в",
  "во",
  "на",
  "за",
  "от",
  "течение",
  "течении",
  "протяжении",
  "срок",
  "сроки",
  "месяц",
  "месяцы",
  "месяца",
  "месяцев",
]);
export const CALENDAR_YEARS = new Set(["гг", "годы", "годов", "годах", "годам"]);
export const ACADEMIC = new Set([
  "уч",
  "учеб",
  "учебн",
  "учебный",
  "учебного",
  "учебном",
  "учебному",
  "учебным",
  "учебные",
  "учебных",
  "учебная",
  "ученого",
  "ученый",
]);
export const NOW_WORDS = new Set([
  "настоящее",
  "настоящий",
  "настоящего",
  "наст",
  "сегодняшний",
  "сегодняшнее",
  "текущий",
  "текущее",
  "текущего",
  "нынешнее",
  "нынешний",
  "сих",
]);
/** Words after a «now» word that belong to it: «настоящее время», «н. в.», «сих пор». */
const NOW_TAIL = new Set(["время", "вр", "в", "день", "дня", "момент", "пор", "дней"]);
export const isNowTail = (t: Token | undefined): boolean => t?.type === "word" && NOW_TAIL.has(t.word);
export const FROM_WORDS = new Set(["с", "со", "начиная"]);
export const UNTIL_WORDS = new Set(["до", "по", "к", "не", "позднее", "позже"]);
export const RANGE_WORDS = new Set(["по", "до"]);
export const AND_WORDS = new Set(["и"]);
export const END_WORDS = new Set(["конца", "окончания", "завершения", "конец"]);
export const ORDINAL_SUFFIX = new Set(["е", "й", "ое", "ой", "ый", "ий", "го", "ого", "м", "ом", "ем", "я", "ая"]);
export const ORDINAL_WORDS: ReadonlyMap<string, number> = new Map([
  ...["первое", "первый", "первом", "первого", "первая", "первой", "перв", "i"].map((w) => [w, 1] as const),
  ...["второе", "второй", "втором", "второго", "вторая", "втор", "ii"].map((w) => [w, 2] as const),
  ...["третье", "третий", "третьем", "третьего", "третья", "третьей", "iii"].map((w) => [w, 3] as const),
  ...["четвертое", "четвертый", "четвертом", "четвертого", "четвертая", "четвертой", "iv"].map((w) => [w, 4] as const),
]);

export function partOf(word: string): PartKind | null {
  if (word.startsWith("полугод") || word === "пол" || word === "пг") return "half";
  if (word.startsWith("квартал") || word === "кв") return "quarter";
  if (
    word.startsWith("четверт") &&
    word !== "четвертый" &&
    word !== "четвертое" &&
    word !== "четвертая" &&
    word !== "четвертом" &&
    word !== "четвертого" &&
    word !== "четвертой"
  )
    return "schoolTerm";
  return null;
}

export const PART_LIMIT: Record<PartKind, number> = { half: 2, quarter: 4, schoolTerm: 4 };

/** School terms (четверти): first month and last month; the year of the first month is the point's year. */
export const SCHOOL_TERMS: readonly (readonly [number, number])[] = [
  [9, 10],
  [11, 12],
  [1, 3],
  [4, 5],
];
