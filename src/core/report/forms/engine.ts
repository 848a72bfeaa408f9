/**
 * Documents described as data. A form definition is a list of nodes — the title, the
 * headings with their numbering and wording, labelled fields, long texts, tables with their
 * columns, conditional groups, the signature — and a vocabulary says where each named piece
 * of content comes from. renderForm walks the nodes in order and produces model blocks; it
 * knows nothing of any particular document.
 *
 * The МИП report's vocabulary is report-vocabulary.ts and its forms are kirovsky.ts and
 * novokuznetsk.ts. Another kind of document (a committee «справка», say) is described the
 * same way: a vocabulary over its own context (`Vocabulary<SummaryContext>`) and one
 * definition per wording, rendered with the same renderForm.
 *
 * Text in nodes may hold placeholders `{name}`, filled from the vocabulary's `vars`: the
 * heading «3.2. … на различных уровнях {periodIn}» prints «… в 2022 году». A node refers to
 * content by id; an id the vocabulary lacks is a programming error (renderForm throws, and
 * test/report/forms.test.ts checks every form against its vocabulary).
 */
import { type ColumnSpec, labelled, table, textBlocks } from "../blocks.js";
import {
  type Align,
  type Block,
  DASH,
  type HeaderCell,
  type TableCell,
  heading,
  isEmptyText,
  paragraph,
  run,
} from "../model.js";

/** A title line; an optional one is left out when any placeholder in it is empty. */
export type TitleLine = string | { readonly text: string; readonly optional: true };

export interface FormColumn {
  /** Header text (placeholders allowed). */
  readonly header: string;
  /** The field of the row source printed in this column. */
  readonly cell: string;
  /** Relative width weight (the fit in widths.ts widens a column whose words need it). */
  readonly width: number;
  readonly align?: Align;
}

export type FormNode =
  | { readonly kind: "title"; readonly lines: readonly TitleLine[] }
  | { readonly kind: "heading"; readonly level: 1 | 2 | 3; readonly text: string }
  /** «label: value» in one paragraph, the label bold. */
  | { readonly kind: "field"; readonly label: string; readonly value: string }
  /** A long text as paragraphs, one per line the user typed (empty: «—»). */
  | { readonly kind: "text"; readonly value: string }
  /** Fixed wording of the form, e.g. «Управление инновационной деятельностью (…):». */
  | { readonly kind: "paragraph"; readonly text: string; readonly bold?: boolean }
  /**
   * A dash item of a form's list («– Наличие информации … на сайте МОУ, …;»): the form's
   * wording in bold, then the school's text on the same line («—» when empty); without a
   * value the wording stands alone (a table or a list follows).
   */
  | { readonly kind: "item"; readonly label: string; readonly value?: string }
  /** Blocks a vocabulary producer builds (lists, stage summaries, the ИТОГО list …). */
  | { readonly kind: "blocks"; readonly content: string; readonly args?: Readonly<Record<string, string>> }
  | {
      readonly kind: "table";
      /** The row source. */
      readonly rows: string;
      readonly columns: readonly FormColumn[];
      readonly headerRows?: readonly (readonly HeaderCell[])[];
      /** A totals row source (printed bold as the last row when the table has rows). */
      readonly total?: string;
    }
  /** Nodes printed only when the condition holds (no condition: always). */
  | { readonly kind: "group"; readonly when?: string; readonly nodes: readonly FormNode[] }
  | { readonly kind: "pageBreak" }
  | { readonly kind: "signature"; readonly left: string; readonly name: string; readonly line?: false };

export interface FormDefinition {
  /** Stable id for code and tests. */
  readonly id: string;
  /** The name a user picks (Настройки → Форма отчёта), exactly as in the dropdown. */
  readonly name: string;
  readonly nodes: readonly FormNode[];
}

export type Row = Readonly<Record<string, TableCell>>;

/** Where a document's content comes from, by id. `C` is the document's context. */
export interface Vocabulary<C> {
  /** Values of the `{placeholders}`. */
  readonly vars: (ctx: C) => Readonly<Record<string, string>>;
  /** Plain texts (fields and long texts). */
  readonly values: Readonly<Record<string, (ctx: C) => string>>;
  readonly blocks: Readonly<Record<string, (ctx: C, args: Readonly<Record<string, string>>) => Block[]>>;
  readonly rows: Readonly<Record<string, (ctx: C) => readonly Row[]>>;
  readonly conditions: Readonly<Record<string, (ctx: C) => boolean>>;
}

function lookup<T>(kind: string, table: Readonly<Record<string, T>>, id: string): T {
  const found = Object.prototype.hasOwnProperty.call(table, id) ? table[id] : undefined;
  if (found === undefined) throw new Error(`form refers to unknown ${kind} «${id}»`);
  return found;
}

/** The dash that opens a form's list item, as the forms print it. */
const ITEM_DASH = "–\u00a0";

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9_]*)\}/g;

/** `{name}` → its value; an unknown name is a programming error. */
function interpolate(text: string, vars: Readonly<Record<string, string>>): string {
  return text.replace(PLACEHOLDER, (_, name: string) => {
    const value = vars[name];
    if (value === undefined) throw new Error(`form text refers to unknown placeholder {${name}}`);
    return value;
  });
}

/** The placeholder names a text uses. */
function placeholdersOf(text: string): string[] {
  // exec in a loop, not matchAll: the bundles target ES2019 (Apps Script).
  const names: string[] = [];
  const re = new RegExp(PLACEHOLDER.source, "g");
  for (let m = re.exec(text); m; m = re.exec(text)) names.push(m[1]!);
  return names;
}

/** Every node of a definition, groups flattened, in order. */
export function flattenNodes(nodes: readonly FormNode[]): FormNode[] {
  return nodes.flatMap((n) => (n.kind === "group" ? [n, ...flattenNodes(n.nodes)] : [n]));
}

/** The definition's nodes as blocks for one context. */
export function renderForm<C>(definition: FormDefinition, vocabulary: Vocabulary<C>, ctx: C): Block[] {
  const vars = vocabulary.vars(ctx);
  const say = (text: string) => interpolate(text, vars);
  const walk = (nodes: readonly FormNode[]): Block[] =>
    nodes.flatMap((node): Block[] => {
      switch (node.kind) {
        case "title": {
          const lines = node.lines.flatMap((line) => {
            if (typeof line === "string") return [say(line)];
            const empty = placeholdersOf(line.text).some((name) => (vars[name] ?? "").trim() === "");
            return empty ? [] : [say(line.text)];
          });
          return [{ type: "title", lines }];
        }
        case "heading":
          return [heading(node.level, say(node.text))];
        case "field":
          return [labelled(say(node.label), lookup("value", vocabulary.values, node.value)(ctx))];
        case "text":
          return textBlocks(lookup("value", vocabulary.values, node.value)(ctx));
        case "paragraph":
          return [paragraph(node.bold ? [run(say(node.text), { bold: true })] : say(node.text), "justify")];
        case "item": {
          const wording = run(`${ITEM_DASH}${say(node.label)}`, { bold: true });
          if (node.value === undefined) return [paragraph([wording], "justify")];
          const value = lookup("value", vocabulary.values, node.value)(ctx).trim();
          return [paragraph([wording, run(` ${isEmptyText(value) ? DASH : value}`)], "justify")];
        }
        case "blocks":
          return lookup("blocks", vocabulary.blocks, node.content)(ctx, node.args ?? {});
        case "table": {
          const rows = lookup("rows", vocabulary.rows, node.rows)(ctx);
          const columns: ColumnSpec[] = node.columns.map((c) => ({
            header: say(c.header),
            width: c.width,
            ...(c.align ? { align: c.align } : {}),
          }));
          const pick = (row: Row) => node.columns.map((c) => row[c.cell] ?? "");
          const total = node.total ? lookup("rows", vocabulary.rows, node.total)(ctx)[0] : undefined;
          return [
            table(columns, rows.map(pick), {
              ...(node.headerRows
                ? { headerRows: node.headerRows.map((r) => r.map((h) => ({ ...h, text: say(h.text) }))) }
                : {}),
              ...(total ? { total: pick(total) } : {}),
            }),
          ];
        }
        case "group":
          return node.when === undefined || lookup("condition", vocabulary.conditions, node.when)(ctx)
            ? walk(node.nodes)
            : [];
        case "pageBreak":
          return [{ type: "pageBreak" }];
        case "signature":
          return [
            {
              type: "signature",
              left: say(node.left),
              name: say(node.name),
              ...(node.line === false ? { line: false as const } : {}),
            },
          ];
      }
    });
  return walk(definition.nodes);
}

/** Every content id and placeholder a definition uses that the vocabulary lacks (for tests). */
export function missingContent<C>(definition: FormDefinition, vocabulary: Vocabulary<C>, ctx: C): string[] {
  const vars = vocabulary.vars(ctx);
  const missing: string[] = [];
  const need = (kind: string, table: Readonly<Record<string, unknown>>, id: string | undefined) => {
    if (id !== undefined && !Object.prototype.hasOwnProperty.call(table, id)) missing.push(`${kind} ${id}`);
  };
  const texts = (node: FormNode): string[] => {
    switch (node.kind) {
      case "title":
        return node.lines.map((l) => (typeof l === "string" ? l : l.text));
      case "heading":
      case "paragraph":
        return [node.text];
      case "field":
      case "item":
        return [node.label];
      case "table":
        return [...node.columns.map((c) => c.header), ...(node.headerRows ?? []).flat().map((h) => h.text)];
      case "signature":
        return [node.left, node.name];
      default:
        return [];
    }
  };
  for (const node of flattenNodes(definition.nodes)) {
    for (const text of texts(node))
      for (const name of placeholdersOf(text)) if (!(name in vars)) missing.push(`placeholder ${name}`);
    if (node.kind === "field" || node.kind === "text" || node.kind === "item")
      need("value", vocabulary.values, node.value);
    if (node.kind === "blocks") need("blocks", vocabulary.blocks, node.content);
    if (node.kind === "table") {
      need("rows", vocabulary.rows, node.rows);
      need("rows", vocabulary.rows, node.total);
    }
    if (node.kind === "group") need("condition", vocabulary.conditions, node.when);
  }
  return missing;
}

/** Small constructors so a definition reads like the form it describes. */
export const f = {
  title: (...lines: TitleLine[]): FormNode => ({ kind: "title", lines }),
  h1: (text: string): FormNode => ({ kind: "heading", level: 1, text }),
  h2: (text: string): FormNode => ({ kind: "heading", level: 2, text }),
  h3: (text: string): FormNode => ({ kind: "heading", level: 3, text }),
  field: (label: string, value: string): FormNode => ({ kind: "field", label, value }),
  text: (value: string): FormNode => ({ kind: "text", value }),
  /** A heading followed by a long text. */
  headed: (level: 1 | 2 | 3, text: string, value: string): FormNode[] => [
    { kind: "heading", level, text },
    { kind: "text", value },
  ],
  bold: (text: string): FormNode => ({ kind: "paragraph", text, bold: true }),
  /** A note of the form's own wording, printed as a plain paragraph. */
  note: (text: string): FormNode => ({ kind: "paragraph", text }),
  item: (label: string, value?: string): FormNode => ({ kind: "item", label, ...(value ? { value } : {}) }),
  blocks: (content: string, args?: Record<string, string>): FormNode => ({
    kind: "blocks",
    content,
    ...(args ? { args } : {}),
  }),
  table: (
    rows: string,
    columns: readonly FormColumn[],
    extra: { headerRows?: readonly (readonly HeaderCell[])[]; total?: string } = {},
  ): FormNode => ({
    kind: "table",
    rows,
    columns,
    ...extra,
  }),
  col: (header: string, cell: string, width: number, align?: Align): FormColumn => ({
    header,
    cell,
    width,
    ...(align ? { align } : {}),
  }),
  when: (condition: string, ...nodes: (FormNode | FormNode[])[]): FormNode => ({
    kind: "group",
    when: condition,
    nodes: nodes.flat(),
  }),
  pageBreak: (): FormNode => ({ kind: "pageBreak" }),
  signature: (left: string, name: string, options: { line?: boolean } = {}): FormNode => ({
    kind: "signature",
    left,
    name,
    ...(options.line === false ? { line: false } : {}),
  }),
};

/**
 * The landmarks a document of this definition shows, in order, for one context: every
 * heading, list item of the form's wording and signature (groups whose condition fails left out), placeholders filled. Tests
 * read rendered pages against it.
 */
export function formSkeleton<C>(definition: FormDefinition, vocabulary: Vocabulary<C>, ctx: C): string[] {
  const vars = vocabulary.vars(ctx);
  const walk = (nodes: readonly FormNode[]): string[] =>
    nodes.flatMap((node) => {
      if (node.kind === "heading") return [interpolate(node.text, vars)];
      if (node.kind === "item") return [ITEM_DASH + interpolate(node.label, vars)];
      if (node.kind === "signature") return [interpolate(node.left, vars)];
      if (node.kind === "group")
        return node.when === undefined || lookup("condition", vocabulary.conditions, node.when)(ctx)
          ? walk(node.nodes)
          : [];
      return [];
    });
  return walk(definition.nodes);
}
