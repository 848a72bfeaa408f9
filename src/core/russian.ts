/**
 * Russian text helpers for documents: plural forms, initials, month ranges, the reporting
 * period in words and participants in words. Pure; dates are ISO `YYYY-MM-DD` strings.
 */
import { formatRuDate, isoParts } from "./terms/dates.js";
import { MONTHS } from "./terms/months.js";
import type { IsoDate, Period } from "./terms/types.js";

/** Noun forms for 1, 2–4 and 5+: ["занятие", "занятия", "занятий"]. */
export type PluralForms = readonly [one: string, few: string, many: string];

/**
 * The noun form for n: plural(5, ["занятие","занятия","занятий"]) → "занятий". Fractions take the
 * «few» form (1,5 занятия). CLDR's Russian rule written out, so it does not depend on the ICU data
 * of the runtime (Apps Script's is undocumented): one — n%10 = 1 and n%100 ≠ 11; few — n%10 in
 * 2..4 and n%100 not in 12..14; many — the other integers.
 */
export function plural(n: number, forms: PluralForms): string {
  if (!Number.isFinite(n) || !Number.isInteger(n)) return forms[1];
  const abs = Math.abs(n);
  const last = abs % 10;
  const lastTwo = abs % 100;
  if (last === 1 && lastTwo !== 11) return forms[0];
  if (last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14)) return forms[1];
  return forms[2];
}

/** A number the Russian way: 3.5 → "3,5", 12000 → "12000". */
export function ruNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100).replace(".", ",");
}

/** "5 занятий", "1 занятие", "2 занятия". */
export function countWithNoun(n: number, forms: PluralForms): string {
  return `${ruNumber(n)} ${plural(n, forms)}`;
}

/**
 * «Подготовительный» → «подготовительный», «Организации — участники …» → «организации — …»:
 * only the first letter, so later names keep theirs; an abbreviation («ИОД-сессии») is left as is.
 */
export function lowerFirst(text: string): string {
  return /^\p{Lu}\p{Ll}/u.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/** «в таблице 2 ошибки» → «В таблице 2 ошибки». */
export function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Collapse runs of whitespace and trim. */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** "Людмила" → "Л.", "Анна-Мария" → "А.-М.", "А." → "А.". */
function initialOf(name: string): string {
  return name
    .split("-")
    .filter((part) => part !== "")
    .map((part) => `${part.replace(/\./g, "").charAt(0).toUpperCase()}.`)
    .join("-");
}

/** True for a token that is already initials: "А.", "А.П.", "А.-М.". */
function isInitials(token: string): boolean {
  return /^(?:[A-ZА-ЯЁ]\.-?)+$/u.test(token);
}

/**
 * «Фамилия Имя Отчество» → «И.О. Фамилия». Robust to extra spaces, double-barrelled
 * surnames and names, and input that is already abbreviated («Иванова А.П.», «Иванова А. П.»,
 * «А.П. Иванова»). Anything it cannot interpret is returned squeezed but otherwise unchanged.
 */
export function initials(fullName: string): string {
  const text = squeeze(fullName);
  if (text === "") return "";
  const tokens = text.split(" ");
  if (tokens.length === 1) return text;
  // Already «И.О. Фамилия» or «И. О. Фамилия».
  const leading = tokens.slice(0, -1);
  if (leading.every(isInitials)) return `${leading.join("")} ${tokens[tokens.length - 1]}`;
  const [surname, ...rest] = tokens as [string, ...string[]];
  // «Иванова А.П.» / «Иванова А. П.».
  if (rest.every(isInitials)) return `${rest.join("")} ${surname}`;
  if (rest.length > 2) return text;
  return `${rest.map(initialOf).join("")} ${surname}`;
}

const PATRONYMIC = /(?:вич|вна|чна|ична|оглы|кызы)$/u;
const CAPITALISED = /^\p{Lu}[\p{Ll}-]+$/u;

/**
 * «Председатель комитета образования Ю.Н. Рябинин» → position «Председатель комитета
 * образования», name «Ю.Н. Рябинин». The name at the end may be «И.О. Фамилия», «Фамилия И.О.»
 * or «Фамилия Имя Отчество» (given as «И.О. Фамилия»); without a recognisable name the whole
 * text is the position and the name is empty.
 */
export function splitPositionAndName(text: string): { position: string; name: string } {
  const tokens = squeeze(text)
    .split(" ")
    .filter((t) => t !== "");
  const n = tokens.length;
  const split = (at: number) => ({
    position: tokens.slice(0, at).join(" "),
    name: initials(tokens.slice(at).join(" ")),
  });
  if (n >= 2 && CAPITALISED.test(tokens[n - 1]!) && isInitials(tokens[n - 2]!)) {
    // «Ю.Н. Рябинин» or «Ю. Н. Рябинин».
    const at = n >= 3 && isInitials(tokens[n - 3]!) ? n - 3 : n - 2;
    return split(at);
  }
  if (n >= 2 && isInitials(tokens[n - 1]!) && CAPITALISED.test(tokens[n - 2]!)) {
    // «Рябинин Ю.Н.» or «Рябинин Ю. Н.».
    const at = n >= 3 && isInitials(tokens[n - 2]!) && CAPITALISED.test(tokens[n - 3]!) ? n - 3 : n - 2;
    return split(at);
  }
  if (n >= 3 && PATRONYMIC.test(tokens[n - 1]!) && tokens.slice(n - 3).every((t) => CAPITALISED.test(t)))
    return split(n - 3);
  return { position: squeeze(text), name: "" };
}

/** «Ю.Н. Рябинин» with non-breaking spaces, so the initials never part from the surname. */
export function unbreakable(name: string): string {
  return name.replace(/ /g, "\u00a0");
}

const parts = isoParts;

function monthName(month: number, form: "nominative" | "genitive" | "prepositional"): string {
  return MONTHS[month - 1]?.[form] ?? "";
}

/** «с января 2021 по май 2023 года» — the whole project's span, as the form writes it. */
export function monthRangeSince(start: IsoDate, end: IsoDate): string {
  const s = parts(start);
  const e = parts(end);
  return `с ${monthName(s.month, "genitive")} ${s.year} по ${monthName(e.month, "nominative")} ${e.year} года`;
}

/**
 * A stage's span: «январь – сентябрь 2021 года», «октябрь 2021 – декабрь 2022 года»,
 * «март 2022 года» (one month).
 */
export function monthSpan(start: IsoDate, end: IsoDate): string {
  const s = parts(start);
  const e = parts(end);
  if (s.year === e.year && s.month === e.month) return `${monthName(s.month, "nominative")} ${s.year} года`;
  if (s.year === e.year)
    return `${monthName(s.month, "nominative")} – ${monthName(e.month, "nominative")} ${e.year} года`;
  return `${monthName(s.month, "nominative")} ${s.year} – ${monthName(e.month, "nominative")} ${e.year} года`;
}

const YEAR_ONLY = /^(\d{4})\s*(?:г\.?|год[ау]?)?$/iu;
const ACADEMIC = /^(\d{4})\s*[-–—/]\s*(\d{4})(?:\s*(?:уч(?:ебный|\.)?\s*(?:г\.?|год[ау]?)?|гг?\.?|годы?))?$/iu;

/**
 * The reporting period in words for the title «… за {period}»: «2022 год»,
 * «2019-2020 учебный год», «период с 01.09.2020 по 31.08.2021». Uses the parsed period when
 * there is one, else the text as written (never invents what the user did not write).
 */
export function periodInWords(period: Period | null, written: string): string {
  const label = squeeze(period?.label ?? written);
  const year = YEAR_ONLY.exec(label);
  if (year) return `${year[1]} год`;
  const academic = ACADEMIC.exec(label);
  if (academic) return `${academic[1]}-${academic[2]} учебный год`;
  if (period?.kind === "range") return `период с ${formatRuDate(period.start)} по ${formatRuDate(period.end)}`;
  if (period?.kind === "year") return `${parts(period.start).year} год`;
  if (period?.kind === "academic") return `${parts(period.start).year}-${parts(period.end).year} учебный год`;
  return label;
}

/** The same period after «в»: «в 2022 году», «в 2019-2020 учебном году», «в период с … по …». */
export function periodPrepositional(period: Period | null, written: string): string {
  const words = periodInWords(period, written);
  if (/ год$/u.test(words)) return `в ${words.replace(/ учебный год$/u, " учебном году").replace(/ год$/u, " году")}`;
  if (words.startsWith("период ")) return `в ${words}`;
  return words === "" ? "в отчётном периоде" : `в отчётном периоде (${words})`;
}

/** Organisation types (Организации → Тип) as counted nouns. */
const ORG_TYPE_NOUNS: Readonly<Record<string, PluralForms>> = {
  "Школа с НОР": ["школа с НОР", "школы с НОР", "школ с НОР"],
  "Школа-лидер": ["школа-лидер", "школы-лидера", "школ-лидеров"],
  "Стажировочная площадка": ["стажировочная площадка", "стажировочные площадки", "стажировочных площадок"],
  "Методическая служба": ["методическая служба", "методические службы", "методических служб"],
  "Центр диагностики": ["центр диагностики", "центра диагностики", "центров диагностики"],
  "Организация-партнёр": ["организация-партнёр", "организации-партнёра", "организаций-партнёров"],
  Иное: ["иная организация", "иные организации", "иных организаций"],
};

/** Participant categories (Участники → Категория) in the genitive plural, as in «педагогов — 27». */
const CATEGORY_GENITIVE: Readonly<Record<string, string>> = {
  Педагоги: "педагогов",
  Руководители: "руководителей",
  "Учащиеся (воспитанники)": "обучающихся (воспитанников)",
  Родители: "родителей",
  "Социальные партнёры": "социальных партнёров",
  "Специалисты (психологи и др.)": "психологов",
  Иное: "других участников",
};

export interface CountedItem {
  /** The enum value as written in the workbook (already matched to the list when possible). */
  readonly name: string;
  readonly count: number;
}

/** «1 школа с НОР», «3 школы-лидера», «5 школ-лидеров»; an unknown type → «2 (Тип)». */
export function orgTypeCount(type: string, count: number): string {
  const forms = ORG_TYPE_NOUNS[type];
  return forms ? countWithNoun(count, forms) : `${type} — ${ruNumber(count)}`;
}

/**
 * Participants in words from organisation types and participant categories:
 * «8 школ с НОР, 3 школы-лидера; педагогов — 27, психологов — 2». Empty parts are left out;
 * nothing at all gives "".
 */
export function participantsInWords(orgTypes: readonly CountedItem[], categories: readonly CountedItem[]): string {
  const orgs = orgTypes.filter((o) => o.count > 0).map((o) => orgTypeCount(o.name, o.count));
  const people = categories
    .filter((c) => c.count > 0)
    .map((c) => `${CATEGORY_GENITIVE[c.name] ?? c.name.toLowerCase()} — ${ruNumber(c.count)}`);
  return [orgs.join(", "), people.join(", ")].filter((s) => s !== "").join("; ");
}

/** «региональный уровень», «уровень ОО» — a level from the list as a phrase. */
export function levelPhrase(level: string): string {
  if (/^уровень\s/iu.test(level)) return level.charAt(0).toLowerCase() + level.slice(1);
  return `${level.toLowerCase()} уровень`;
}

/** Head nouns of organisation names and their genitive forms. */
const ORG_HEAD_GENITIVE: Record<string, string> = {
  учреждение: "учреждения",
  организация: "организации",
  школа: "школы",
  гимназия: "гимназии",
  лицей: "лицея",
  центр: "центра",
  колледж: "колледжа",
  сад: "сада",
  комплекс: "комплекса",
  дом: "дома",
  служба: "службы",
  управление: "управления",
  комитет: "комитета",
  отдел: "отдела",
  институт: "института",
  университет: "университета",
  техникум: "техникума",
  интернат: "интерната",
};

/** Adjective endings (nominative → genitive), longest first. */
const ADJECTIVE_GENITIVE: readonly (readonly [string, string])[] = [
  ["кий", "кого"],
  ["гий", "гого"],
  ["хий", "хого"],
  ["ое", "ого"],
  ["ее", "его"],
  ["ая", "ой"],
  ["яя", "ей"],
  ["ый", "ого"],
  ["ой", "ого"],
  ["ий", "его"],
];

/**
 * «Муниципальное общеобразовательное учреждение «СОШ № 4»» → «муниципального
 * общеобразовательного учреждения «СОШ № 4»», for «на базе …» in the report title. Declines the
 * legal form (adjectives up to the head noun); the proper name in quotes stays as written. A name
 * it does not recognise (an abbreviation such as «МОУ …», an unknown word) is returned unchanged,
 * because a wrong ending is worse than none.
 */
export function orgNameGenitive(name: string): string {
  const words = squeeze(name).split(" ");
  const out: string[] = [];
  for (let i = 0; i < words.length && i < 6; i++) {
    const word = words[i]!;
    const lower = word.toLowerCase().replace(/ё/g, "е");
    const head = ORG_HEAD_GENITIVE[lower];
    if (head) return [...out, head, ...words.slice(i + 1)].join(" ");
    const ending =
      /^[а-яё-]+$/i.test(word) && word !== word.toUpperCase()
        ? ADJECTIVE_GENITIVE.find(([from]) => lower.endsWith(from))
        : undefined;
    if (!ending) return name;
    out.push(word.toLowerCase().slice(0, -ending[0].length) + ending[1]);
  }
  return name;
}
