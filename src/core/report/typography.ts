/**
 * Non-breaking spaces where Russian typesetting keeps words together: «№ 73», «А.Б.
 * Фамилия», «Фамилия А.Б.», «2022 г.», and the initials of one person. Applied to every text
 * of the model, so both renderers print the same.
 */
import type { Block, Run, TableCell } from "./model.js";

const NBSP = "\u00a0";
// An initial is a lone capital and a dot: «П.» of «МИП.» is not one.
const INITIAL = "(?<!\\p{L})[А-ЯЁ]\\.";
const SURNAME = "(?<!\\p{L})[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?";

const RULES: readonly (readonly [RegExp, string])[] = [
  [/№\s+(?=\S)/gu, `№${NBSP}`],
  // «И. С.» → «И.\u00a0С.» (initials of one person).
  [new RegExp(`(${INITIAL})[ ](?=${INITIAL})`, "gu"), `$1${NBSP}`],
  // «А.Б. Фамилия».
  [new RegExp(`(${INITIAL})[ ](?=${SURNAME})`, "gu"), `$1${NBSP}`],
  // «Фамилия А.Б.».
  [new RegExp(`(${SURNAME})[ ](?=${INITIAL})`, "gu"), `$1${NBSP}`],
  // «2022 г.», «2023 года» stays breakable; «г.» never starts a line.
  [/(\d)[ ](?=г\.)/gu, `$1${NBSP}`],
];

/**
 * A zero-width space after a slash between words («педагоги/\u200bдети»): LibreOffice does
 * not break a line after a slash by itself, and a header such as «(педагоги/дети/родители/
 * социальные партнеры)» is one long word without it (widths.ts counts its parts apart).
 */
function breakableSlashes(text: string): string {
  return text.replace(/(?<=\p{L}{3}\/)(?=\p{L}{3})/gu, "\u200b");
}

export function keepTogether(text: string): string {
  let out = text;
  for (const [pattern, replacement] of RULES) out = out.replace(pattern, replacement);
  return out;
}

const runs = (list: readonly Run[]): Run[] => list.map((r) => ({ ...r, text: keepTogether(r.text) }));
const cell = (c: TableCell): TableCell => (typeof c === "string" ? keepTogether(c) : runs(c));

export function typography(blocks: readonly Block[]): Block[] {
  return blocks.map((b): Block => {
    switch (b.type) {
      case "heading":
        return { ...b, text: keepTogether(b.text) };
      case "title":
      case "approval":
        return { ...b, lines: b.lines.map(keepTogether) };
      case "paragraph":
        return { ...b, runs: runs(b.runs) };
      case "list":
        return { ...b, items: b.items.map(runs) };
      case "table":
        return {
          ...b,
          ...(b.caption ? { caption: keepTogether(b.caption) } : {}),
          columns: b.columns.map((c) => ({ ...c, header: breakableSlashes(c.header) })),
          rows: b.rows.map((row) => row.map(cell)),
        };
      case "signature":
        return { ...b, left: keepTogether(b.left), name: keepTogether(b.name) };
      default:
        return b;
    }
  });
}
