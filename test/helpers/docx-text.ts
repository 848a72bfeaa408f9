/** What a written .docx says, for CLI tests that read the file `mip` wrote. */
import { readFileSync } from "node:fs";
import JSZip from "jszip";

/** The body part (word/document.xml) as written. */
export async function docxXml(path: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  return zip.file("word/document.xml")!.async("string");
}

/** The body's text: a line per paragraph, tags dropped, quotes and ampersands decoded, NBSP as a space. */
export async function docxText(path: string): Promise<string> {
  return (await docxXml(path))
    .replace(/<\/w:p>/g, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\u00a0/g, " ");
}
