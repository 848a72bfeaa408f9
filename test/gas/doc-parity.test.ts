/**
 * The Google Doc looks like the .docx: the report of the sample workbook is made by the built
 * bundle on the fake (DocumentApp, then the Docs API pass) and rendered to .docx from the same
 * model; both are read into the same neutral description — per paragraph its text, heading,
 * alignment, spacing, line spacing, indents, font size, bold, italic, keep-with-next and
 * keep-lines; per table its column widths, borders, cell padding, repeated header rows, rows
 * kept whole, header shading and each cell's alignment, size and weight — and compared block
 * by block. The .docx side is read from its XML, not from the renderer's code.
 */
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import type { ReportOutcome } from "../../src/api.js";
import { buildReport } from "../../src/core/report/build.js";
import { validateWorkbook } from "../../src/core/validate.js";
import type { WorkbookGrid } from "../../src/core/grid.js";
import { renderDocx } from "../../src/local/docx.js";
import { children, normalise, paragraphText } from "./docx-structure.js";
import { CallCounter, type FakeDocument, FakeParagraph, FakeTable, spreadsheetFromGrid } from "./fake/index.js";
import { tableMerges } from "./fake/docs-api.js";
import { NOW, sampleGrid, sampleReportDate, withField } from "./fixtures.js";
import { createGasEnvironment } from "./load-bundle.js";
import { STATE_OK, buildSummaryDoc, type SchoolRecord } from "../../src/core/committee/index.js";
import type { DocModel } from "../../src/core/report/model.js";
import { applyDocsLayout } from "../../src/gas/docs-merge.js";
import { textWidthPt } from "../../src/core/report/widths.js";
import { createFakeServices } from "./fake/index.js";
import { digest } from "../committee/fixtures.js";
import { uploadModel, withGlobals } from "./uploaded-doc.js";
import { documentIdOf } from "./fixtures.js";

type Orientation = "portrait" | "landscape";

interface ParagraphAttributes {
  /** sectionEnd: the paragraph that closes a section (the .docx's w:sectPr paragraph; in the Doc, the newline before a section break). */
  kind: "paragraph" | "pageBreak" | "sectionEnd";
  /** The orientation of the section a sectionEnd closes. */
  orientation?: Orientation;
  text: string;
  heading: 0 | 1 | 2 | 3;
  align: string;
  before: number;
  after: number;
  line: number;
  indentStart: number;
  indentFirstLine: number;
  size: number;
  bold: "all" | "some" | "none";
  italic: "all" | "some" | "none";
  keepWithNext: boolean;
  keepLines: boolean;
}

interface CellAttributes {
  align: string;
  size: number;
  bold: boolean;
  shaded: boolean;
  middle: boolean;
  spaceAbove: number;
  spaceBelow: number;
  line: number;
}

interface TableAttributes {
  kind: "table";
  /** The orientation of the section the table is in. */
  orientation: Orientation;
  columns: number[];
  border: { width: number; color: string };
  padding: { top: number; bottom: number; left: number; right: number };
  headerRows: number;
  /** Rows kept whole (never split across pages). */
  wholeRows: boolean[];
  /** Merged cells as [row, column, columnSpan]. */
  spans: [number, number, number][];
  cells: CellAttributes[][];
}

type BlockAttributes = ParagraphAttributes | TableAttributes;

// ---- the .docx, from its XML ----

const attr = (xml: string, tag: string, name: string): string | undefined =>
  new RegExp(`<w:${tag}\\b[^>]*\\bw:${name}="([^"]*)"`).exec(xml)?.[1];
const has = (xml: string, tag: string): boolean => new RegExp(`<w:${tag}(?=[\\s/>])`).test(xml);
const twipsPt = (value: string | undefined): number => Number(value ?? 0) / 20;
const JC: Record<string, string> = {
  left: "left",
  start: "left",
  center: "center",
  right: "right",
  end: "right",
  both: "justify",
};

interface DocxStyles {
  /** Run size (half-points) and bold/italic by paragraph style id; "" is the document default. */
  runs: Map<string, { size?: number; bold?: boolean; italic?: boolean }>;
}

function readStyles(xml: string): DocxStyles {
  const runs = new Map<string, { size?: number; bold?: boolean; italic?: boolean }>();
  const defaults = /<w:rPrDefault>([\s\S]*?)<\/w:rPrDefault>/.exec(xml)?.[1] ?? "";
  runs.set("", { size: Number(attr(defaults, "sz", "val") ?? 20) });
  for (const m of xml.matchAll(/<w:style\b[^>]*w:styleId="([^"]+)"[^>]*>([\s\S]*?)<\/w:style>/g)) {
    const rPr = /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(m[2]!)?.[1] ?? "";
    runs.set(m[1]!, {
      ...(attr(rPr, "sz", "val") ? { size: Number(attr(rPr, "sz", "val")) } : {}),
      ...(has(rPr, "b") ? { bold: true } : {}),
      ...(has(rPr, "i") ? { italic: true } : {}),
    });
  }
  return { runs };
}

const share = (flags: boolean[]): "all" | "some" | "none" =>
  flags.length > 0 && flags.every(Boolean) ? "all" : flags.some(Boolean) ? "some" : "none";

/** Runs of a paragraph with visible text: their own size and weight over the paragraph style's. */
function docxRuns(pXml: string, styles: DocxStyles): { size: number; bold: boolean; italic: boolean }[] {
  const style = attr(pXml, "pStyle", "val") ?? "";
  const base = { ...styles.runs.get("")!, ...(styles.runs.get(style) ?? {}) };
  return children(pXml.slice(pXml.indexOf(">") + 1), ["r"])
    .filter((r) => paragraphText(r.xml).replace(/\s/g, "") !== "")
    .map((r) => {
      const rPr = /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(r.xml)?.[1] ?? "";
      return {
        size: Number(attr(rPr, "sz", "val") ?? base.size) / 2,
        bold: has(rPr, "b") || Boolean(base.bold),
        italic: has(rPr, "i") || Boolean(base.italic),
      };
    });
}

/** An empty paragraph's size is its paragraph mark's (the w:rPr inside w:pPr), when it has one. */
function markSize(pPr: string): number | undefined {
  const size = attr(/<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(pPr)?.[1] ?? "", "sz", "val");
  return size === undefined ? undefined : Number(size) / 2;
}

function docxParagraph(xml: string, styles: DocxStyles): ParagraphAttributes {
  const pPr = /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(xml)?.[1] ?? "";
  const style = attr(pPr, "pStyle", "val") ?? "";
  const runs = docxRuns(xml, styles);
  const left = twipsPt(attr(pPr, "ind", "left"));
  const firstLine = twipsPt(attr(pPr, "ind", "firstLine")) - twipsPt(attr(pPr, "ind", "hanging"));
  const heading = /^Heading([1-3])$/.exec(style)?.[1];
  return {
    kind: /<w:sectPr\b/.test(xml) ? "sectionEnd" : /<w:br w:type="page"\/>/.test(xml) ? "pageBreak" : "paragraph",
    ...(/<w:sectPr\b/.test(xml) ? { orientation: /w:orient="landscape"/.test(xml) ? "landscape" : "portrait" } : {}),
    text: normalise(paragraphText(xml)),
    heading: heading ? (Number(heading) as 1 | 2 | 3) : 0,
    align: JC[attr(pPr, "jc", "val") ?? "left"]!,
    before: twipsPt(attr(pPr, "spacing", "before")),
    after: twipsPt(attr(pPr, "spacing", "after")),
    line: Number(attr(pPr, "spacing", "line") ?? 240) / 240,
    indentStart: left,
    indentFirstLine: left + firstLine,
    size: runs[0]?.size ?? markSize(pPr) ?? Number((styles.runs.get(style)?.size ?? styles.runs.get("")!.size)!) / 2,
    bold: share(runs.map((r) => r.bold)),
    italic: share(runs.map((r) => r.italic)),
    keepWithNext: has(pPr, "keepNext"),
    keepLines: has(pPr, "keepLines"),
  };
}

function docxTable(xml: string, styles: DocxStyles): Omit<TableAttributes, "orientation"> {
  const tblPr = /<w:tblPr>([\s\S]*?)<\/w:tblPr>/.exec(xml)?.[1] ?? "";
  const margins = /<w:tblCellMar>([\s\S]*?)<\/w:tblCellMar>/.exec(tblPr)?.[1] ?? "";
  const borders = /<w:tblBorders>([\s\S]*?)<\/w:tblBorders>/.exec(tblPr)?.[1] ?? "";
  const rows = children(xml.slice(xml.indexOf(">") + 1), ["tr"]);
  const spans: [number, number, number][] = [];
  const cells = rows.map((tr, r) => {
    let column = 0;
    return children(tr.xml.slice(tr.xml.indexOf(">") + 1), ["tc"]).flatMap((tc) => {
      const span = Number(attr(tc.xml, "gridSpan", "val") ?? 1);
      if (span > 1) spans.push([r, column, span]);
      column += span;
      const p = children(tc.xml.slice(tc.xml.indexOf(">") + 1), ["p"])[0]!.xml;
      const pPr = /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(p)?.[1] ?? "";
      const runs = docxRuns(p, styles);
      const style = attr(pPr, "pStyle", "val") ?? "";
      const styleXml =
        new RegExp(`<w:style\\b[^>]*w:styleId="${style}"[^>]*>([\\s\\S]*?)</w:style>`).exec(docxStylesXml)?.[1] ?? "";
      const cell: CellAttributes = {
        align: JC[attr(pPr, "jc", "val") ?? "left"]!,
        size: runs[0]?.size ?? markSize(pPr) ?? Number(styles.runs.get(style)?.size ?? styles.runs.get("")!.size) / 2,
        bold: runs.length > 0 && runs.every((x) => x.bold),
        shaded: (attr(tc.xml, "shd", "fill") ?? "").toUpperCase() === "D9D9D9",
        middle: attr(tc.xml, "vAlign", "val") === "center",
        spaceAbove: twipsPt(attr(pPr, "spacing", "before") ?? attr(styleXml, "spacing", "before")),
        spaceBelow: twipsPt(attr(pPr, "spacing", "after") ?? attr(styleXml, "spacing", "after")),
        line: Number(attr(pPr, "spacing", "line") ?? attr(styleXml, "spacing", "line") ?? 240) / 240,
      };
      return [cell, ...Array.from({ length: span - 1 }, () => ({ ...cell, align: "covered" }))];
    });
  });
  return {
    kind: "table",
    columns: [...xml.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]) / 20),
    border: {
      width: Number(attr(borders, "top", "sz")) / 8,
      color: `#${(attr(borders, "top", "color") ?? "").toLowerCase()}`,
    },
    padding: {
      top: twipsPt(attr(margins, "top", "w")),
      bottom: twipsPt(attr(margins, "bottom", "w")),
      left: twipsPt(attr(margins, "left", "w")),
      right: twipsPt(attr(margins, "right", "w")),
    },
    headerRows: rows.filter((tr) => has(tr.xml, "tblHeader")).length,
    wholeRows: rows.map((tr) => has(tr.xml, "cantSplit")),
    spans,
    cells,
  };
}

let docxStylesXml = "";

async function docxBlocks(buffer: Buffer): Promise<BlockAttributes[]> {
  const zip = await JSZip.loadAsync(buffer);
  docxStylesXml = await zip.file("word/styles.xml")!.async("string");
  const styles = readStyles(docxStylesXml);
  const xml = await zip.file("word/document.xml")!.async("string");
  const body = /<w:body>([\s\S]*)<\/w:body>/.exec(xml)![1]!;
  // A paragraph's w:sectPr closes the section before it; the body's final w:sectPr the last one.
  const sections = [...body.matchAll(/<w:sectPr\b[\s\S]*?<\/w:sectPr>/g)].map((m) => ({
    end: m.index + m[0].length,
    landscape: /w:orient="landscape"/.test(m[0]),
  }));
  let at = 0;
  return children(body, ["p", "tbl"]).map((child) => {
    const offset = body.indexOf(child.xml, at);
    at = offset + child.xml.length;
    if (child.tag === "w:p") return docxParagraph(child.xml, styles);
    const section = sections.find((s) => s.end > offset);
    return { ...docxTable(child.xml, styles), orientation: section?.landscape ? "landscape" : "portrait" };
  });
}

// ---- the Google Doc, from the fake's records ----

const DOCS_ALIGN: Record<string, string> = {
  START: "left",
  CENTER: "center",
  END: "right",
  JUSTIFIED: "justify",
  LEFT: "left",
  RIGHT: "right",
  JUSTIFY: "justify",
};
const magnitude = (d: unknown): number => (d as { magnitude: number } | undefined)?.magnitude ?? Number.NaN;

/**
 * The Doc's blocks as the .docx has them: where a section ends right after a table, the .docx
 * ends the section in place of the table's spacer (no spilled empty paragraph, no blank page),
 * while Docs always keeps a paragraph after a table — that spacer is not compared.
 */
function googleBlocks(doc: FakeDocument): BlockAttributes[] {
  return withoutSpacersBeforeSections(googleBlocksAsDrawn(doc));
}

/** The empty paragraph after a table that the .docx replaces by a section's end (see googleBlocks). */
function withoutSpacersBeforeSections(blocks: BlockAttributes[]): BlockAttributes[] {
  return blocks.filter(
    (b, i) =>
      !(
        b.kind === "paragraph" &&
        b.text === "" &&
        blocks[i - 1]?.kind === "table" &&
        // Without the Docs API pass the section is still DocumentApp's page break.
        (blocks[i + 1]?.kind === "sectionEnd" || blocks[i + 1]?.kind === "pageBreak")
      ),
  );
}

function googleBlocksAsDrawn(doc: FakeDocument): BlockAttributes[] {
  const body = doc._body;
  // A section's page is the document's, turned when its style flips it.
  const documentOrientation: Orientation = body._page.width > body._page.height ? "landscape" : "portrait";
  const orientationOf = (style: Record<string, unknown>): Orientation =>
    style.flipPageOrientation === true
      ? documentOrientation === "landscape"
        ? "portrait"
        : "landscape"
      : documentOrientation;
  let orientation = orientationOf(body._firstSection);
  return body._children.map((child, i): BlockAttributes => {
    const next = body._children[i + 1];
    const breakAfter = next instanceof FakeTable || next === undefined ? undefined : body._sectionBreaks.get(next);
    if (child instanceof FakeParagraph && body._sectionBreaks.has(child))
      orientation = orientationOf(body._sectionBreaks.get(child)!);
    if (breakAfter && child instanceof FakeParagraph)
      return { ...googleParagraph(child), kind: "sectionEnd", orientation };
    if (child instanceof FakeTable) {
      const headerRows = child._pinnedHeaderRows;
      const merged = tableMerges(child);
      const covered = new Set(
        merged.flatMap((m) => Array.from({ length: m.columnSpan - 1 }, (_, i) => `${m.row}:${m.column + i + 1}`)),
      );
      const anyCell = child._rows[0]!._cells[0]!;
      return {
        kind: "table",
        orientation,
        columns: child._rows[0]!._cells.map((_, i) => child._columnWidths.get(i) ?? Number.NaN),
        border: { width: child._borderWidth ?? Number.NaN, color: child._borderColor ?? "" },
        padding: {
          top: magnitude(anyCell._docsCellStyle.paddingTop),
          bottom: magnitude(anyCell._docsCellStyle.paddingBottom),
          left: magnitude(anyCell._docsCellStyle.paddingLeft),
          right: magnitude(anyCell._docsCellStyle.paddingRight),
        },
        headerRows,
        wholeRows: child._rows.map((r) => r._docsRowStyle.preventOverflow === true),
        spans: merged.map((m) => [m.row, m.column, m.columnSpan]),
        cells: child._rows.map((row, r) =>
          row._cells.map((cell, c) => ({
            align: covered.has(`${r}:${c}`) ? "covered" : DOCS_ALIGN[String(cell._docsParagraphStyle.alignment)]!,
            size: cell._node.styleAt(0, "FONT_SIZE") as number,
            // An empty cell has no weight to compare (the .docx writes no run for it).
            bold: /\S/u.test(cell._node.text) && cell._node.all("BOLD", true),
            shaded: cell._background.toUpperCase() === "#D9D9D9",
            middle: cell._verticalAlignment === "CENTER" || cell._docsCellStyle.contentAlignment === "MIDDLE",
            spaceAbove: magnitude(cell._docsParagraphStyle.spaceAbove),
            spaceBelow: magnitude(cell._docsParagraphStyle.spaceBelow),
            line: (cell._docsParagraphStyle.lineSpacing as number) / 100,
          })),
        ),
      };
    }
    return googleParagraph(child);
  });
}

function googleParagraph(child: FakeParagraph): ParagraphAttributes {
  const node = child._node;
  const visible = [...node.text].map((ch, i) => ({ ch, i })).filter(({ ch }) => /\S/u.test(ch) && ch !== "\u00a0");
  const heading = /^HEADING([1-3])$/.exec(child._heading)?.[1];
  return {
    kind: child._kind === "PAGE_BREAK" ? "pageBreak" : "paragraph",
    text: normalise(node.text),
    heading: heading ? (Number(heading) as 1 | 2 | 3) : 0,
    align: DOCS_ALIGN[child._alignment]!,
    before: child._attrs.SPACING_BEFORE as number,
    after: child._attrs.SPACING_AFTER as number,
    line: child._attrs.LINE_SPACING as number,
    indentStart: child._attrs.INDENT_START as number,
    indentFirstLine: child._attrs.INDENT_FIRST_LINE as number,
    size: node.styleAt(visible[0]?.i ?? 0, "FONT_SIZE") as number,
    bold: share(visible.map(({ i }) => node.styleAt(i, "BOLD") === true)),
    italic: share(visible.map(({ i }) => node.styleAt(i, "ITALIC") === true)),
    keepWithNext: child._docsStyle.keepWithNext === true,
    keepLines: child._docsStyle.keepLinesTogether === true,
  };
}

// ---- comparison ----

const NUMERIC = ["before", "after", "line", "indentStart", "indentFirstLine", "size"] as const;
/** Twips are whole, points are not: 1.25 cm is 709 twips (35.45 pt) in the .docx and 35.43 pt in the Doc. */
const TOLERANCE_PT = 0.05;

function compare(docx: readonly BlockAttributes[], google: readonly BlockAttributes[]): string[] {
  const problems: string[] = [];
  if (docx.length !== google.length) problems.push(`blocks: .docx ${docx.length}, Doc ${google.length}`);
  docx.forEach((d, i) => {
    const g = google[i];
    const where = `block ${i} (${d.kind === "table" ? "table" : JSON.stringify(d.text.slice(0, 40))})`;
    if (!g || g.kind !== d.kind) return problems.push(`${where}: Doc has ${g?.kind ?? "nothing"}`);
    if (d.kind !== "table" && g.kind !== "table") {
      if (d.kind === "pageBreak") return;
      if (d.kind === "sectionEnd") {
        if (d.orientation !== g.orientation)
          problems.push(`${where}: the section ends ${d.orientation} in the .docx, ${g.orientation ?? "?"} in the Doc`);
        return;
      }
      for (const key of ["text", "heading", "align", "bold", "italic", "keepWithNext", "keepLines"] as const)
        if (d[key] !== g[key])
          problems.push(`${where}: ${key} .docx ${JSON.stringify(d[key])}, Doc ${JSON.stringify(g[key])}`);
      for (const key of NUMERIC)
        if (!(Math.abs(d[key] - g[key]) <= TOLERANCE_PT))
          problems.push(`${where}: ${key} .docx ${d[key]}, Doc ${g[key]}`);
      return;
    }
    if (d.kind !== "table" || g.kind !== "table") return;
    if (d.orientation !== g.orientation)
      problems.push(`${where}: orientation .docx ${d.orientation}, Doc ${g.orientation}`);
    // Column widths to the twip: both renderers round the section's text width the same way.
    const twips = (ws: number[]) => ws.map((w) => Math.round(w * 20));
    if (JSON.stringify(twips(d.columns)) !== JSON.stringify(twips(g.columns)))
      problems.push(`${where}: columns (twips) .docx ${twips(d.columns).join("/")}, Doc ${twips(g.columns).join("/")}`);
    if (JSON.stringify(d.border) !== JSON.stringify(g.border))
      problems.push(`${where}: border .docx ${JSON.stringify(d.border)}, Doc ${JSON.stringify(g.border)}`);
    for (const side of ["top", "bottom", "left", "right"] as const)
      if (!(Math.abs(d.padding[side] - g.padding[side]) <= TOLERANCE_PT))
        problems.push(`${where}: padding ${side} .docx ${d.padding[side]}, Doc ${g.padding[side]}`);
    if (d.headerRows !== g.headerRows)
      problems.push(`${where}: repeated header rows .docx ${d.headerRows}, Doc ${g.headerRows}`);
    // The rows the .docx keeps whole and only those, the Doc keeps whole (a tall row may break in both).
    d.wholeRows.forEach((whole, r) => {
      if (whole !== g.wholeRows[r])
        problems.push(`${where}: row ${r} ${whole ? "kept whole" : "may break"} in the .docx, not so in the Doc`);
    });
    if (JSON.stringify(d.spans) !== JSON.stringify(g.spans))
      problems.push(`${where}: merged cells .docx ${JSON.stringify(d.spans)}, Doc ${JSON.stringify(g.spans)}`);
    d.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        const other = g.cells[r]?.[c];
        if (!other) return problems.push(`${where}: no cell ${r}:${c} in the Doc`);
        if (cell.align === "covered" || other.align === "covered") {
          if (cell.align !== other.align)
            problems.push(
              `${where} cell ${r}:${c}: merged into its neighbour in ` +
                `the ${cell.align === "covered" ? ".docx" : "Doc"} only`,
            );
          return;
        }
        for (const key of ["align", "bold", "shaded", "middle"] as const)
          if (cell[key] !== other[key])
            problems.push(
              `${where} cell ${r}:${c}: ${key} .docx ${JSON.stringify(cell[key])}, Doc ${JSON.stringify(other[key])}`,
            );
        for (const key of ["size", "spaceAbove", "spaceBelow", "line"] as const)
          if (!(Math.abs(cell[key] - other[key]) <= TOLERANCE_PT))
            problems.push(`${where} cell ${r}:${c}: ${key} .docx ${cell[key]}, Doc ${other[key]}`);
      }),
    );
  });
  return problems;
}

async function bothRenderings(grid: WorkbookGrid) {
  const counter = new CallCounter();
  const env = createGasEnvironment({ spreadsheet: spreadsheetFromGrid(grid, counter), counter, now: NOW });
  const outcome = env.call<ReportOutcome>("sidebarGenerateReport");
  if (outcome.kind !== "created") throw new Error(`no document: ${JSON.stringify(outcome).slice(0, 200)}`);
  const doc = env.fake.documentApp._documents.get(documentIdOf(outcome.report.url))!;
  const build = buildReport(validateWorkbook(grid, { today: sampleReportDate }));
  if (build.kind !== "document") throw new Error("blocked");
  return { docx: await docxBlocks(await renderDocx(build.model)), google: googleBlocks(doc), env };
}

describe("the Google Doc looks like the .docx (sample report, block by block)", () => {
  it("every paragraph and table carries the .docx's attributes", async () => {
    const { docx, google } = await bothRenderings(sampleGrid());
    // The comparison covers what it claims to cover.
    const paragraphs = docx.filter((b): b is ParagraphAttributes => b.kind === "paragraph");
    const tables = docx.filter((b): b is TableAttributes => b.kind === "table");
    expect(paragraphs.length).toBeGreaterThan(50);
    expect(tables.length).toBeGreaterThan(5);
    expect(paragraphs.some((p) => p.keepWithNext && p.heading > 0)).toBe(true);
    expect(paragraphs.some((p) => p.indentFirstLine > 30 && p.align === "justify")).toBe(true);
    expect(paragraphs.some((p) => p.indentStart > p.indentFirstLine)).toBe(true); // list items hang
    expect(tables.some((t) => t.headerRows >= 1)).toBe(true);
    expect(
      tables.some((t) => t.cells.some((row, r) => r >= t.headerRows && row.some((c) => c.align === "center"))),
    ).toBe(true);
    expect(compare(docx, google)).toEqual([]);
    // The Новокузнецк form (its approval block, ИТОГО list, Кадры tables) matches too.
    const other = await bothRenderings(withField(sampleGrid(), "Настройки", "Форма отчёта", "Новокузнецк"));
    expect(other.docx.some((p) => p.kind === "paragraph" && p.indentStart > 200)).toBe(true); // the approval block
    expect(compare(other.docx, other.google)).toEqual([]);
  });

  it("landscape pages give the wider tables the same widths in both", async () => {
    const { docx, google } = await bothRenderings(
      withField(sampleGrid(), "Настройки", "Ориентация страниц отчёта", "Альбомная"),
    );
    const widest = Math.max(...docx.flatMap((b) => (b.kind === "table" ? [b.columns.reduce((a, w) => a + w, 0)] : [])));
    expect(widest).toBeGreaterThan(650);
    expect(compare(docx, google)).toEqual([]);
  });

  it(
    "a portrait report turns the sections of its wide tables " +
      "landscape, as the .docx does: orientation and widths to the twip",
    async () => {
      for (const grid of [sampleGrid(), withField(sampleGrid(), "Настройки", "Форма отчёта", "Новокузнецк")]) {
        const { docx, google, env } = await bothRenderings(grid);
        const turned = docx.flatMap((b, i) => (b.kind === "table" && b.orientation === "landscape" ? [i] : []));
        const ends = docx.filter((b) => b.kind === "sectionEnd");
        // The sample's wide tables do turn (the .docx has mixed sections), and both turn the same ones.
        expect(turned.length).toBeGreaterThan(0);
        expect(ends.map((b) => b.kind === "sectionEnd" && b.orientation)).toContain("landscape");
        expect(
          google.filter((b) => b.kind === "sectionEnd").map((b) => b.kind === "sectionEnd" && b.orientation),
        ).toEqual(ends.map((b) => b.kind === "sectionEnd" && b.orientation));
        const landscapeTwips = Math.round(textWidthPt("landscape") * 20);
        for (const i of turned) {
          const d = docx[i] as TableAttributes;
          const g = google[i] as TableAttributes;
          expect(g.orientation).toBe("landscape");
          expect(g.columns.map((w) => Math.round(w * 20))).toEqual(d.columns.map((w) => Math.round(w * 20)));
          expect(Math.round(g.columns.reduce((a, b) => a + b, 0) * 20)).toBe(landscapeTwips);
        }
        // No page break is left where a section turns (a page break before a next-page section would leave a blank page).
        expect(google.filter((b) => b.kind === "pageBreak").length).toBe(
          docx.filter((b) => b.kind === "pageBreak").length,
        );
        // Every section has the .docx's margins; the page numbers and «ЧЕРНОВИК» come from the section before (header ids are inherited).
        const doc = env.fake.documentApp._documents.get([...env.fake.documentApp._documents.keys()].pop()!)!;
        for (const style of doc._body._sectionBreaks.values()) {
          expect(style.sectionType).toBe("NEXT_PAGE");
          expect((style.marginLeft as { magnitude: number }).magnitude).toBeCloseTo((30 * 72) / 25.4, 5);
          expect((style.marginRight as { magnitude: number }).magnitude).toBeCloseTo((20 * 72) / 25.4, 5);
          expect(style.defaultHeaderId).toBeUndefined();
        }
        // Still one Documents.get and one batchUpdate.
        expect(env.counter.count("Docs.Documents.get")).toBe(1);
        expect(env.counter.count("Docs.Documents.batchUpdate")).toBe(1);
        expect(compare(docx, google)).toEqual([]);
        // The comparison notices a section left portrait or a table left at the portrait width.
        const first = turned[0]!;
        const portrait = google.map((b, i) =>
          i === first && b.kind === "table"
            ? { ...b, orientation: "portrait" as const, columns: b.columns.map((w) => w * 0.6) }
            : b,
        );
        const problems = compare(docx, portrait);
        expect(problems.some((p) => /orientation \.docx landscape, Doc portrait/.test(p))).toBe(true);
        expect(problems.some((p) => /columns \(twips\)/.test(p))).toBe(true);
      }
    },
  );

  it("keeps the header rows and every short row whole, lets a tall row break, and pins the header rows", async () => {
    const { google } = await bothRenderings(sampleGrid());
    const tables = google.filter((b): b is TableAttributes => b.kind === "table");
    expect(tables.every((t) => t.wholeRows.slice(0, t.headerRows).every(Boolean))).toBe(true);
    // Most rows are short and kept whole; the sample's long plan rows (over six lines) may break.
    const rows = tables.flatMap((t) => t.wholeRows.slice(t.headerRows));
    expect(rows.filter(Boolean).length).toBeGreaterThan(rows.length / 2);
    expect(rows.some((whole) => !whole)).toBe(true);
    expect(tables.every((t) => t.headerRows >= 1)).toBe(true);
  });

  it("would notice a difference: the comparison fails when the Doc's paragraphs lose their spacing", async () => {
    const { docx, google } = await bothRenderings(sampleGrid());
    const altered = google.map((b) =>
      b.kind === "paragraph" && b.heading === 1 ? { ...b, before: 0, keepWithNext: false } : b,
    );
    const problems = compare(docx, altered);
    expect(problems.some((p) => /before \.docx 12, Doc 0/.test(p))).toBe(true);
    expect(problems.some((p) => /keepWithNext \.docx true, Doc false/.test(p))).toBe(true);
  });

  it("the uploaded .docx itself, read as the local .docx is read, carries what the upload promises", async () => {
    // Read with this file's own .docx reader, not the fake's import: the writer is checked on its own.
    const { docx, env } = await bothRenderings(sampleGrid());
    const id = [...env.fake.driveV3._uploads.keys()].pop()!;
    // The upload keeps the spacer before a turn (the Docs API pass puts the section break there).
    const uploaded = withoutSpacersBeforeSections(await docxBlocks(env.fake.driveV3._uploads.get(id)!));
    const problems = compare(docx, uploaded);
    const turned = docx.flatMap((b, i) => (b.kind === "table" && b.orientation === "landscape" ? [i] : []));
    const turnedProblem = (p: string) =>
      turned.some((i) => p.startsWith(`block ${i} (table): `) && /orientation|columns \(twips\)/.test(p));
    // What the Docs API pass sets is absent from the upload, and only that.
    expect(problems.length).toBeGreaterThan(0);
    expect(
      problems.filter(
        (p) =>
          !turnedProblem(p) &&
          !/Doc has pageBreak|keepWithNext|keepLines|padding|repeated header|kept whole|merged|align|middle/.test(p),
      ),
    ).toEqual([]);
    // Text, headings, spacing, indents, sizes and weights of every paragraph; widths, borders, shading of every table.
    expect(uploaded.length).toBe(docx.length);
    expect(
      problems.some((p) => /: (text|heading|before|after|line|indentStart|indentFirstLine|size|bold|italic) /.test(p)),
    ).toBe(false);
  });

  it("without the Docs advanced service the uploaded half still matches (paragraph geometry, widths, shading)", async () => {
    const counter = new CallCounter();
    const env = createGasEnvironment({
      spreadsheet: spreadsheetFromGrid(sampleGrid(), counter),
      counter,
      now: NOW,
      without: ["Docs"],
    });
    const outcome = env.call<ReportOutcome>("sidebarGenerateReport");
    if (outcome.kind !== "created") throw new Error("no document");
    const google = googleBlocks(env.fake.documentApp._documents.get(documentIdOf(outcome.report.url))!);
    const build = buildReport(validateWorkbook(sampleGrid(), { today: sampleReportDate }));
    if (build.kind !== "document") throw new Error("blocked");
    const docx = await docxBlocks(await renderDocx(build.model));
    const problems = compare(docx, google);
    // Only what the Docs API sets is missing: keep-with-next, cell padding and alignment, pinned headers, merges.
    expect(problems.length).toBeGreaterThan(0);
    // The turned sections stay portrait pages after a page break, their tables at the portrait width.
    const turned = docx.flatMap((b, i) => (b.kind === "table" && b.orientation === "landscape" ? [i] : []));
    expect(turned.length).toBeGreaterThan(0);
    expect(problems.filter((p) => /Doc has pageBreak/.test(p)).length).toBe(
      docx.filter((b) => b.kind === "sectionEnd").length,
    );
    for (const i of turned) {
      const table = google[i] as TableAttributes;
      expect(table.orientation).toBe("portrait");
      expect(Math.round(table.columns.reduce((a, b) => a + b, 0) * 20)).toBe(Math.round(textWidthPt("portrait") * 20));
    }
    const turnedProblem = (p: string) =>
      turned.some((i) => p.startsWith(`block ${i} (table): `) && /orientation|columns \(twips\)/.test(p));
    expect(
      problems.every(
        (p) =>
          turnedProblem(p) ||
          /Doc has pageBreak|keepWithNext|keepLines|padding|repeated header|kept whole|merged|align|middle|spaceAbove|spaceBelow|line \.docx/.test(
            p,
          ),
      ),
    ).toBe(true);
    expect(
      problems.some(
        (p) => /: (before|after|indentStart|indentFirstLine|size|bold|text|heading) /.test(p) && !/cell/.test(p),
      ),
    ).toBe(false);
  });

  it("the committee's справка (another model, drawn by the same renderer) matches its .docx too", async () => {
    const record = (id: string, organisation: string): SchoolRecord => ({
      link: "",
      modified: "",
      updated: "",
      reportLink: "",
      id,
      organisation,
      state: STATE_OK,
      digest: digest({
        organisation,
        summary: { errors: 2, warnings: 1, infos: 0, completeness: 0.9 },
        metrics: {
          planRows: 10,
          planDue: 8,
          planDone: 6,
          planExecution: 0.75,
          deviations: 1,
          pairsTotal: 5,
          pairsActive: 4,
          pairsNotHeld: 1,
          mentors: 2,
          mentees: 4,
          participantsTotal: 40,
          eventsByLevel: { Муниципальный: 3 },
          pairsBySubject: { Химия: 1, Физика: 4 },
        },
        deviations: [
          {
            no: "2.1",
            activity: "Вебинар",
            status: "Перенесено",
            reason: "Болезнь лектора",
            action: "Перенесён на май",
          },
        ],
        firstErrors: ["План-факт, L7: Нет управленческих действий"],
      }),
    });
    const model: DocModel = buildSummaryDoc([record("a", "МОУ «СОШ № 7»"), record("b", "МОУ «Лесновская СОШ»")], {
      date: "2023-06-01",
      signer: { position: "Специалист комитета образования", name: "Петрова Анна Сергеевна" },
    });
    // The upload and the Docs API pass run here against the fake services installed as globals.
    const fake = createFakeServices();
    const id = uploadModel(fake, model);
    expect(withGlobals({ Docs: fake.docsApi }, () => applyDocsLayout(id, model))).toEqual({
      applied: true,
      missing: null,
    });
    const google = googleBlocks(fake.documentApp._documents.get(id)!);
    const docx = await docxBlocks(await renderDocx(model));
    expect(docx.filter((b) => b.kind === "table").length).toBeGreaterThan(3);
    expect(compare(docx, google)).toEqual([]);
  });
});
