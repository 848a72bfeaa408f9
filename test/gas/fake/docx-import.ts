/**
 * Drive's import of an uploaded .docx into a Google Doc (Files.create with the Google Docs
 * mimeType: «Import to Google Docs types»,
 * https://developers.google.com/workspace/drive/api/guides/manage-uploads#import-docs; the File
 * resource: «If a file is created with a Google Doc MIME type, the uploaded content is imported,
 * if possible», https://developers.google.com/workspace/drive/api/reference/rest/v3/files#File),
 * drawn into the fake's document model so the Docs API fake and the tests read it as they read
 * any Doc.
 *
 * Google does not publish which WordprocessingML features its import keeps. The fake carries the
 * ones a Word user sees survive the conversion and the add-on relies on — paragraph text, heading
 * styles, alignment, spacing, line spacing, indents, run size, bold and italic over the document
 * defaults and the paragraph style; tables with their cell text, column widths, borders, cell
 * shading and run styles; page breaks; the page size, margins, header text and footer fields —
 * and refuses what it does not model (a section break inside the body, a nested table, a
 * package without its main document) instead of dropping it silently. Whatever the add-on needs
 * beyond this it sets through the Docs API afterwards (src/gas/docs-merge.ts).
 */
import type { CallCounter } from "./counter.js";
import type { FakeDocument, FakeParagraph, FakeTable } from "./document.js";
import { FakeFooter } from "./document.js";
import { unzip } from "./zip.js";
import { children, decodeXml } from "./wordml-read.js";

/** What the import carried into the Doc's page set-up, header and footer. */
export interface Conversion {
  pageWidthPt: number;
  pageHeightPt: number;
  landscape: boolean;
  marginsPt: { top: number; bottom: number; left: number; right: number };
  headerText: string;
  footerFields: string[];
}

const invalid = (why: string) =>
  new Error(
    "GoogleJsonResponseException: API call to drive.files.create failed with " +
      `error: The uploaded file is not a valid .docx (${why}).`,
  );

const attr = (xml: string, tag: string, name: string): string | null =>
  new RegExp(`<${tag}\\b[^>]*\\b${name}="([^"]*)"`).exec(xml)?.[1] ?? null;
const has = (xml: string, tag: string): boolean => new RegExp(`<${tag}(?=[\\s/>])`).test(xml);
/** A toggle property (w:b, w:i): present and not switched off by w:val="0"/"false". */
const toggle = (rPr: string, tag: string): boolean | undefined => {
  const m = new RegExp(`<${tag}(?=[\\s/>])([^>]*)>`).exec(rPr);
  if (!m) return undefined;
  const value = /w:val="([^"]*)"/.exec(m[1]!)?.[1];
  return value !== "0" && value !== "false";
};
const inner = (xml: string) => xml.slice(xml.indexOf(">") + 1);
const twipsPt = (value: string | null, fallback = 0) => (value === null ? fallback : Number(value) / 20);
const section = (xml: string, tag: string) => new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(xml)?.[1] ?? "";

interface RunLook {
  size?: number;
  bold?: boolean;
  italic?: boolean;
}

interface Styles {
  font: string | null;
  color: string | null;
  size: number;
  paragraph: Map<string, RunLook>;
}

function runLook(rPr: string): RunLook {
  const size = attr(rPr, "w:sz", "w:val");
  const bold = toggle(rPr, "w:b");
  const italic = toggle(rPr, "w:i");
  return {
    ...(size !== null ? { size: Number(size) / 2 } : {}),
    ...(bold !== undefined ? { bold } : {}),
    ...(italic !== undefined ? { italic } : {}),
  };
}

function readStyles(xml: string): Styles {
  const defaults = section(section(xml, "w:rPrDefault"), "w:rPr");
  const paragraph = new Map<string, RunLook>();
  for (const m of xml.matchAll(/<w:style\b[^>]*w:type="paragraph"[^>]*w:styleId="([^"]+)"[^>]*>([\s\S]*?)<\/w:style>/g))
    paragraph.set(m[1]!, runLook(section(m[2]!, "w:rPr")));
  const color = attr(defaults, "w:color", "w:val");
  return {
    font: attr(defaults, "w:rFonts", "w:ascii"),
    color: color && color !== "auto" ? `#${color.toLowerCase()}` : null,
    // Without w:sz anywhere the size is the consuming application's default; the fake takes Word's, 10 pt.
    size: Number(attr(defaults, "w:sz", "w:val") ?? 20) / 2,
    paragraph,
  };
}

/** A paragraph's text and, per run, the character range it covers and its look. */
function readRuns(pXml: string): { text: string; runs: { start: number; end: number; look: RunLook }[] } {
  let text = "";
  const runs: { start: number; end: number; look: RunLook }[] = [];
  for (const r of children(inner(pXml), ["r"])) {
    const look = runLook(section(r.xml, "w:rPr"));
    const start = text.length;
    for (const m of r.xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(br|tab)(?:\s[^>]*)?\/>/g)) {
      // A line break inside a paragraph is a vertical tab in a Google Doc's text.
      if (m[2] === "br") text += "\u000b";
      else if (m[2] === "tab") text += "\t";
      else text += decodeXml(m[1] ?? "");
    }
    if (text.length > start) runs.push({ start, end: text.length - 1, look });
  }
  return { text, runs };
}

const ALIGNMENT: Record<string, string> = {
  left: "LEFT",
  start: "LEFT",
  center: "CENTER",
  right: "RIGHT",
  end: "RIGHT",
  both: "JUSTIFY",
};

/**
 * The text's own look: the document defaults, the paragraph style's run properties, the
 * paragraph mark's (w:pPr/w:rPr: what an empty paragraph shows), then each run's.
 */
function styleText(
  node: { setAll(a: string, v: unknown): void; setRange(s: number, e: number, a: string, v: unknown): void },
  styles: Styles,
  style: RunLook,
  runs: { start: number; end: number; look: RunLook }[],
): void {
  if (styles.font) node.setAll("FONT_FAMILY", styles.font);
  if (styles.color) node.setAll("FOREGROUND_COLOR", styles.color);
  node.setAll("FONT_SIZE", style.size ?? styles.size);
  node.setAll("BOLD", style.bold ?? false);
  node.setAll("ITALIC", style.italic ?? false);
  for (const { start, end, look } of runs) {
    if (look.size !== undefined) node.setRange(start, end, "FONT_SIZE", look.size);
    if (look.bold !== undefined) node.setRange(start, end, "BOLD", look.bold);
    if (look.italic !== undefined) node.setRange(start, end, "ITALIC", look.italic);
  }
}

function drawParagraph(doc: FakeDocument, xml: string, styles: Styles): void {
  const pPr = section(xml, "w:pPr");
  if (has(pPr, "w:sectPr")) throw new Error("fake: a section break inside the body is not modelled by the import");
  const body = doc._body;
  const { text, runs } = readRuns(xml);
  if (/<w:br\b[^>]*w:type="page"/.test(xml) && text.split("\u000b").join("") === "") {
    body.appendPageBreak();
    return;
  }
  const p = body.appendParagraph(text) as unknown as FakeParagraph;
  const styleId = attr(pPr, "w:pStyle", "w:val") ?? "";
  const heading = /^Heading([1-6])$/.exec(styleId)?.[1];
  if (heading) p._heading = `HEADING${heading}`;
  const left = twipsPt(attr(pPr, "w:ind", "w:left") ?? attr(pPr, "w:ind", "w:start"));
  const first = twipsPt(attr(pPr, "w:ind", "w:firstLine")) - twipsPt(attr(pPr, "w:ind", "w:hanging"));
  const line = attr(pPr, "w:spacing", "w:line");
  p.setAttributes({
    HORIZONTAL_ALIGNMENT: ALIGNMENT[attr(pPr, "w:jc", "w:val") ?? "left"] ?? "LEFT",
    SPACING_BEFORE: twipsPt(attr(pPr, "w:spacing", "w:before")),
    SPACING_AFTER: twipsPt(attr(pPr, "w:spacing", "w:after")),
    LINE_SPACING: line === null ? 1 : Number(line) / 240,
    INDENT_START: left,
    INDENT_FIRST_LINE: left + first,
    INDENT_END: twipsPt(attr(pPr, "w:ind", "w:right") ?? attr(pPr, "w:ind", "w:end")),
  });
  styleText(p._node, styles, { ...styles.paragraph.get(styleId), ...runLook(section(pPr, "w:rPr")) }, runs);
}

function drawTable(doc: FakeDocument, xml: string, styles: Styles): void {
  if (/<w:tbl[\s>]/.test(inner(xml))) throw new Error("fake: a table inside a table is not modelled by the import");
  const rows = children(inner(xml), ["tr"]).map((tr) =>
    children(inner(tr.xml), ["tc"]).map((tc) => {
      if (has(tc.xml, "w:gridSpan") || has(tc.xml, "w:vMerge"))
        throw new Error("fake: merged cells are not modelled by the import");
      const paragraphs = children(inner(tc.xml), ["p"]).map((p) => ({ xml: p.xml, ...readRuns(p.xml) }));
      return { xml: tc.xml, paragraphs };
    }),
  );
  const table = doc._body.appendTable(
    rows.map((row) => row.map((cell) => cell.paragraphs.map((p) => p.text).join("\n"))),
  ) as unknown as FakeTable;
  const borders = section(section(xml, "w:tblPr"), "w:tblBorders");
  const size = attr(borders, "w:top", "w:sz");
  if (size !== null) table.setBorderWidth(Number(size) / 8);
  const color = attr(borders, "w:top", "w:color");
  if (color && color !== "auto") table.setBorderColor(`#${color.toLowerCase()}`);
  [...section(xml, "w:tblGrid").matchAll(/<w:gridCol\b[^>]*w:w="(\d+)"/g)].forEach((m, i) =>
    table.setColumnWidth(i, Number(m[1]) / 20),
  );
  rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      const node = table._rows[r]!._cells[c]!;
      const fill = attr(section(cell.xml, "w:tcPr"), "w:shd", "w:fill");
      if (fill && fill !== "auto") node.setBackgroundColor(`#${fill.toLowerCase()}`);
      // The cell's paragraphs share one text here, joined by the newline between them.
      let offset = 0;
      const runs = cell.paragraphs.flatMap((p) => {
        const shifted = p.runs.map((run) => ({ ...run, start: run.start + offset, end: run.end + offset }));
        offset += p.text.length + 1;
        return shifted;
      });
      const pPr = section(cell.paragraphs[0]?.xml ?? "", "w:pPr");
      const styleId = attr(pPr, "w:pStyle", "w:val") ?? "";
      styleText(node._node, styles, { ...styles.paragraph.get(styleId), ...runLook(section(pPr, "w:rPr")) }, runs);
    }),
  );
}

/** The page set-up, header text and footer fields of a package, as the import carries them. */
function readConversion(document: string, files: Map<string, Buffer>): Conversion {
  const sectPr = /<w:sectPr\b[\s\S]*?<\/w:sectPr>\s*<\/w:body>/.exec(document)?.[0] ?? "";
  const parts = (prefix: string) =>
    [...files.entries()].filter(([n]) => n.startsWith(`word/${prefix}`)).map(([, b]) => b.toString("utf8"));
  const footers = parts("footer").join("");
  const fields = [...footers.matchAll(/w:instr="\s*(\w+)/g), ...footers.matchAll(/<w:instrText[^>]*>\s*(\w+)/g)].map(
    (m) => m[1]!,
  );
  const texts = (xml: string) =>
    [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decodeXml(m[1]!)).join("");
  return {
    // Without w:pgSz or w:pgMar a Doc keeps its own page: US Letter with 1-inch margins.
    pageWidthPt: twipsPt(attr(sectPr, "w:pgSz", "w:w"), 612),
    pageHeightPt: twipsPt(attr(sectPr, "w:pgSz", "w:h"), 792),
    landscape: attr(sectPr, "w:pgSz", "w:orient") === "landscape",
    marginsPt: {
      top: twipsPt(attr(sectPr, "w:pgMar", "w:top"), 72),
      bottom: twipsPt(attr(sectPr, "w:pgMar", "w:bottom"), 72),
      left: twipsPt(attr(sectPr, "w:pgMar", "w:left"), 72),
      right: twipsPt(attr(sectPr, "w:pgMar", "w:right"), 72),
    },
    headerText: parts("header").map(texts).join("\n"),
    footerFields: fields,
  };
}

/**
 * Imports the package into a new document: its body replaced by the .docx's paragraphs and
 * tables, its page, header and footer set. Uncounted: this is Drive's work, not the script's.
 */
export function importDocx(bytes: Buffer, doc: FakeDocument, counter: CallCounter): Conversion {
  let files: Map<string, Buffer>;
  try {
    files = unzip(bytes);
  } catch {
    throw invalid("not a zip archive");
  }
  if (!files.has("[Content_Types].xml")) throw invalid("no [Content_Types].xml");
  const document = files.get("word/document.xml")?.toString("utf8");
  if (!document) throw invalid("no word/document.xml");
  const body = /<w:body>([\s\S]*)<\/w:body>/.exec(document)?.[1];
  if (body === undefined) throw invalid("no w:body");
  const styles = readStyles(files.get("word/styles.xml")?.toString("utf8") ?? "");
  const conversion = readConversion(document, files);
  counter.paused(() => {
    const initial = doc._body._children.length;
    for (const child of children(body, ["p", "tbl"]))
      if (child.tag === "w:p") drawParagraph(doc, child.xml, styles);
      else drawTable(doc, child.xml, styles);
    // The new Doc's own empty paragraph goes when the import brought content (a Doc is never empty).
    if (doc._body._children.length > initial) doc._body._children.splice(0, initial);
    Object.assign(doc._body._page, {
      width: conversion.pageWidthPt,
      height: conversion.pageHeightPt,
      ...conversion.marginsPt,
    });
    if (conversion.footerFields.length > 0) {
      doc._footer = new FakeFooter(counter);
      doc._footer.appendParagraph(conversion.footerFields.map((f) => `{${f}}`).join(" "));
    }
  });
  return conversion;
}
