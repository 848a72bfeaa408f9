/**
 * A neutral reading of a report, to compare the Google Doc with the .docx: the sequence of
 * non-empty paragraphs and of tables (rows of cell text, merged cells expanded with empty
 * cells), whitespace normalised (tabs, no-break spaces and runs of spaces read as one space).
 */
import JSZip from "jszip";
import { type FakeDocument, documentStructure } from "./fake/index.js";
import { children, paragraphText } from "./fake/wordml-read.js";

export { children, paragraphText };

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
