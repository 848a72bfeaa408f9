/**
 * Russian month names: the forms documents need (nominative «январь», genitive «января»,
 * prepositional «январе») and a recogniser for whatever people type — any case or
 * grammatical form, abbreviations with or without a dot («янв.», «сент», «ЯНВАРЯ»).
 */

export interface MonthForms {
  /** «январь» — «январь 2021». */
  readonly nominative: string;
  /** «января» — «5 января», «с января 2021». */
  readonly genitive: string;
  /** «январе» — «в январе». */
  readonly prepositional: string;
}

/** MONTHS[0] is January. Lowercase. */
export const MONTHS: readonly MonthForms[] = [
  { nominative: "январь", genitive: "января", prepositional: "январе" },
  { nominative: "февраль", genitive: "февраля", prepositional: "феврале" },
  { nominative: "март", genitive: "марта", prepositional: "марте" },
  { nominative: "апрель", genitive: "апреля", prepositional: "апреле" },
  { nominative: "май", genitive: "мая", prepositional: "мае" },
  { nominative: "июнь", genitive: "июня", prepositional: "июне" },
  { nominative: "июль", genitive: "июля", prepositional: "июле" },
  { nominative: "август", genitive: "августа", prepositional: "августе" },
  { nominative: "сентябрь", genitive: "сентября", prepositional: "сентябре" },
  { nominative: "октябрь", genitive: "октября", prepositional: "октябре" },
  { nominative: "ноябрь", genitive: "ноября", prepositional: "ноябре" },
  { nominative: "декабрь", genitive: "декабря", prepositional: "декабре" },
];

/** Case endings after the stem (ё already folded to е). */
const SOFT_ENDINGS = ["ь", "я", "ю", "е", "ем"];
const HARD_ENDINGS = ["", "а", "у", "е", "ом"];
const MAY_ENDINGS = ["й", "я", "ю", "е", "ем"];

const STEMS: readonly { stem: string; endings: readonly string[] }[] = [
  { stem: "январ", endings: SOFT_ENDINGS },
  { stem: "феврал", endings: SOFT_ENDINGS },
  { stem: "март", endings: HARD_ENDINGS },
  { stem: "апрел", endings: SOFT_ENDINGS },
  { stem: "ма", endings: MAY_ENDINGS },
  { stem: "июн", endings: SOFT_ENDINGS },
  { stem: "июл", endings: SOFT_ENDINGS },
  { stem: "август", endings: HARD_ENDINGS },
  { stem: "сентябр", endings: SOFT_ENDINGS },
  { stem: "октябр", endings: SOFT_ENDINGS },
  { stem: "ноябр", endings: SOFT_ENDINGS },
  { stem: "декабр", endings: SOFT_ENDINGS },
];

/** Every recognised spelling → month number, built once. */
const MONTH_BY_WORD: ReadonlyMap<string, number> = (() => {
  const map = new Map<string, number>();
  STEMS.forEach(({ stem, endings }, index) => {
    const month = index + 1;
    for (const ending of endings) map.set(stem + ending, month);
    // Abbreviations: any prefix of the stem of three letters or more («янв», «сент», «мар»).
    for (let len = 3; len <= stem.length; len++) {
      const prefix = stem.slice(0, len);
      if (!map.has(prefix)) map.set(prefix, month);
    }
  });
  return map;
})();

/** Longest spelling the map holds, so absurdly long words are rejected without work. */
const LONGEST = 9;

/**
 * Month number 1..12 for a word in any case, form or abbreviation («Января», «янв.», «СЕНТ»),
 * or null when the word is not a month.
 */
export function monthNumber(word: string): number | null {
  if (word.length > LONGEST + 1) return null;
  const key = word.toLowerCase().replace(/ё/g, "е").replace(/\.$/, "");
  return MONTH_BY_WORD.get(key) ?? null;
}
