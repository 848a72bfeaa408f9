/**
 * How a tab is recognised as a template tab: its title folded (case, ё, spaces) and with the
 * Latin letters that are drawn like Cyrillic ones read as those («Плaн-факт» with a Latin «a»
 * looks right on screen and is the plan tab the user meant). The validator, the add-on's
 * reader and its live check all recognise tabs by this one key.
 */
import { fold } from "./fold.js";

const LATIN_LOOK_ALIKES: Readonly<Record<string, string>> = {
  a: "а",
  b: "в",
  c: "с",
  e: "е",
  h: "н",
  k: "к",
  m: "м",
  o: "о",
  p: "р",
  t: "т",
  x: "х",
  y: "у",
};

export function tabTitleKey(title: string): string {
  return fold(title).replace(/[a-z]/g, (ch) => LATIN_LOOK_ALIKES[ch] ?? ch);
}

/** True when the title holds a Latin letter among Cyrillic ones. */
export function mixesLatin(title: string): boolean {
  return /[a-z]/i.test(title) && /[а-яё]/i.test(title);
}
