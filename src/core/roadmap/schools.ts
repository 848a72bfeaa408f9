/**
 * Schools named in a roadmap's «Ответственные на институциональном уровне»: found in the text
 * by their legal form and quoted name («МКОУ «Шумская СОШ»»), and matched with the registry.
 *
 * A name is the registry's when it folds to the same text, with or without its legal form.
 * Orders also write the usual short forms — the first letters of the place-name words and the
 * school type: «МБОУ «ОСШ №3»» for «МБОУ «Ореховская СОШ №3»», «МКОУ «ПООШ»» for «МКОУ
 * «Полянская ООШ»». Such a match is a guess: the check shows it as a warning and names the
 * school it took, it never merges silently; a short form two schools share is no match.
 */
import { closest, fold } from "../fold.js";
import { orgCoreKey } from "../rules/orgs.js";
import { orgKey } from "../rules/read.js";

export type SchoolMatch =
  | { readonly kind: "exact"; readonly name: string }
  | { readonly kind: "guess"; readonly name: string }
  | { readonly kind: "unknown"; readonly suggestion: string | null };

/** Legal forms that start a school's name in orders: МБОУ, МКОУ, МАОУ, МОУ, ГБОУ, МБОУ ДО … */
const LEGAL_FORM = String.raw`(?:[МГ][АБК]?Д?ОУ|[МГ][АБК]?У|ЧОУ|АНО)(?:\s+ДО)?`;
/** A quoted name: «…» (one level of inner «…» allowed), "…" or “…”. */
const QUOTED = String.raw`(?:«(?:[^«»]|«[^«»]*»)*»|"[^"\n]*"|“[^”\n]*”)`;
const SCHOOL_NAME = new RegExp(String.raw`(?<![А-ЯЁа-яё])${LEGAL_FORM}\s*${QUOTED}`, "gu");

/** The school names written in a text, in order, each once (as written). */
export function schoolNamesIn(text: string): string[] {
  const seen = new Set<string>();
  const names: string[] = [];
  SCHOOL_NAME.lastIndex = 0;
  for (let m = SCHOOL_NAME.exec(text); m !== null; m = SCHOOL_NAME.exec(text)) {
    const name = m[0].replace(/\s+/g, " ").trim();
    const key = orgKey(name);
    if (seen.has(key)) continue;
    seen.add(key);
    names.push(name);
  }
  return names;
}

/**
 * Without a named school, does the text mean the schools in general («Руководители школьных
 * сетевых команд», «Наставники учителей из ШНР»)? A dash or an official's name means none.
 */
export function meansAllSchools(text: string): boolean {
  return /школ|ШНР|ШНОР|ШНОР|\bОО\b|команд|наставник|педагог|учител/iu.test(text);
}

/** School type words and their acronyms as orders shorten them (СОШ is also written СШ). */
const TYPE_ACRONYMS: Readonly<Record<string, readonly string[]>> = {
  сош: ["сош", "сш"],
  оош: ["оош"],
  нош: ["нош"],
  цо: ["цо"],
  гимназия: ["г"],
  лицей: ["л"],
};

/** «Ореховская СОШ №3» → «осош№3», «осш№3»: the short forms of a quoted core name. */
export function shortForms(name: string): string[] {
  const words = orgCoreKey(name).replace(/-/g, " ").split(" ").filter(Boolean);
  const typeAt = words.findIndex((w) => w in TYPE_ACRONYMS);
  if (typeAt <= 0) return [];
  const initials = words
    .slice(0, typeAt)
    .map((w) => w[0] ?? "")
    .join("");
  const rest = words.slice(typeAt + 1).join("");
  return TYPE_ACRONYMS[words[typeAt]!]!.map((acronym) => `${initials}${acronym}${rest}`);
}

/** The written core without spaces, for comparing with short forms. */
const compact = (name: string): string => orgCoreKey(name).replace(/[\s-]+/g, "");

export interface SchoolMatcher {
  match(written: string): SchoolMatch;
}

/** A matcher over the registry's names (memoised: a roadmap repeats the same schools item after item). */
export function schoolMatcher(registry: readonly string[]): SchoolMatcher {
  const byKey = new Map<string, string>();
  const byCore = new Map<string, string | null>();
  const byShort = new Map<string, string | null>();
  for (const name of registry) {
    if (name.trim() === "") continue;
    byKey.set(orgKey(name), name);
    const core = orgCoreKey(name);
    byCore.set(core, byCore.has(core) && byCore.get(core) !== name ? null : name);
    for (const form of shortForms(name))
      byShort.set(form, byShort.has(form) && byShort.get(form) !== name ? null : name);
  }
  const names = [...new Set(byKey.values())];
  const memo = new Map<string, SchoolMatch>();
  const compute = (written: string): SchoolMatch => {
    const exact = byKey.get(orgKey(written)) ?? byCore.get(orgCoreKey(written));
    if (exact) return { kind: "exact", name: exact };
    const guess = byShort.get(compact(written));
    if (guess) return { kind: "guess", name: guess };
    return { kind: "unknown", suggestion: names.length > 0 ? closest(written, names) : null };
  };
  return {
    match(written) {
      const key = fold(written);
      let found = memo.get(key);
      if (!found) {
        found = compute(written);
        memo.set(key, found);
      }
      return found;
    },
  };
}
