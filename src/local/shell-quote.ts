/**
 * A command suggested to the user («проверьте снова: mip validate 'a b.xlsx'») must work when
 * pasted back into a shell: an argument with spaces, quotes or other characters a POSIX shell
 * treats specially is put in single quotes, inside which nothing is special except the quote
 * itself, written as '\'' (POSIX Shell Command Language, 2.2.3 Single-Quotes:
 * https://pubs.opengroup.org/onlinepubs/9699919799/utilities/V3_chap02.html#tag_18_02_02).
 */

/** Letters (Cyrillic too), digits and a few punctuation marks no shell interprets. */
const PLAIN = /^[\p{L}\p{N}_@%+=:,./-]+$/u;

export function shellQuote(arg: string): string {
  if (PLAIN.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** «mip validate 'a b.xlsx'» from the words of a command line. */
export function shellCommand(...words: readonly string[]): string {
  return words.map((word, i) => (i === 0 ? word : shellQuote(word))).join(" ");
}
