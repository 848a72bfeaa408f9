/**
 * A neutral reading of a report, to compare the Google Doc with the .docx: the sequence of
 * non-empty paragraphs and of tables (rows of cell text, merged cells expanded with empty
 * cells), whitespace normalised (tabs, no-break spaces and runs of spaces read as one space).
 */
import JSZip from "jszip";
import { type FakeDocument, documentStructure } from "./fake/index.js";

export type ReadElement = { p: string } | { table: string[][] };

export const normalise = (text: string): string => text.replace(/[\s\u00a0]+/g, " ").trim();

export function googleDocStructure(doc: FakeDocument): ReadElement[] {
  const out: ReadElement[] = [];
  for (const el of documentStructure(doc)) {
    if (el.type === "table") out.push({ table: el.rows.map((r) => r.map(normalise)) });
    else if (el.type !== "pageBreak" && normalise(el.text) !== "") out.push({ p: normalise(el.text) });
  }
  return out;
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

export function paragraphText(xml: string): string {
  let text = "";
  for (const m of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:t\/>|<w:(br|tab)(?:\s[^>]*)?\/>/g)) {
    if (m[2] === "br") text += "\n";
    else if (m[2] === "tab") text += "\t";
    else text += decode(m[1] ?? "");
  }
  return text;
}

/** Top-level children of an element's inner XML with the given tags, in order (handles nesting). */
export function children(xml: string, tags: readonly string[]): { tag: string; xml: string }[] {
  const out: { tag: string; xml: string }[] = [];
  const open = new RegExp(`<(w:(?:${tags.join("|")}))(?=[\\s>/])`, "g");
  let at = 0;
  for (;;) {
    open.lastIndex = at;
    const m = open.exec(xml);
    if (!m) break;
    const tag = m[1]!;
    const start = m.index;
    const selfClose = xml.indexOf(">", start);
    if (xml[selfClose - 1] === "/") {
      out.push({ tag, xml: xml.slice(start, selfClose + 1) });
      at = selfClose + 1;
      continue;
    }
    // Find the matching close tag, counting nested elements of the same name.
    const re = new RegExp(`<${tag}(?=[\\s>/])|</${tag}>`, "g");
    re.lastIndex = selfClose + 1;
    let depth = 1;
    let end = -1;
    for (let t = re.exec(xml); t; t = re.exec(xml)) {
      if (t[0].startsWith("</")) depth--;
      else if (xml[xml.indexOf(">", t.index) - 1] !== "/") depth++;
      if (depth === 0) {
        end = t.index + t[0].length;
        break;
      }
    }
    out.push({ tag, xml: xml.slice(start, end) });
    at = end;
  }
  return out;
}

export async function docxStructure(buffer: Buffer): Promise<ReadElement[]> {
  const zip = await JSZip.loadAsync(buffer);
  const xml = await zip.file("word/document.xml")!.async("string");
  const body = /<w:body>([\s\S]*)<\/w:body>/.exec(xml)![1]!;
  const out: ReadElement[] = [];
  for (const child of children(body, ["p", "tbl"])) {
    if (child.tag === "w:p") {
      const text = normalise(paragraphText(child.xml));
      if (text !== "") out.push({ p: text });
      continue;
    }
    const rows = children(child.xml.slice(child.xml.indexOf(">") + 1), ["tr"]).map((tr) =>
      children(tr.xml.slice(tr.xml.indexOf(">") + 1), ["tc"]).flatMap((tc) => {
        const text = normalise(
          children(tc.xml.slice(tc.xml.indexOf(">") + 1), ["p"])
            .map((p) => paragraphText(p.xml))
            .join("\n"),
        );
        const span = Number(/<w:gridSpan w:val="(\d+)"/.exec(tc.xml)?.[1] ?? 1);
        return [text, ...Array.from({ length: span - 1 }, () => "")];
      }),
    );
    out.push({ table: rows });
  }
  return out;
}
