import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { requireCommand } from "../helpers/system-tools.js";

/** Converts a .docx to PDF with a private LibreOffice profile (parallel runs do not collide). */
export function docxToPdf(docx: string, outDir: string): string {
  return docxesToPdf([docx], outDir)[0]!;
}

/** Converts several .docx files to PDF in one LibreOffice run (one start-up for all); the PDFs in their order. */
export function docxesToPdf(docxes: readonly string[], outDir: string): string[] {
  const profile = mkdtempSync(join(tmpdir(), "mip-lo-profile-"));
  execFileSync(
    requireCommand("soffice"),
    [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      "--headless",
      "--convert-to",
      "pdf",
      "--outdir",
      outDir,
      ...docxes,
    ],
    { stdio: "pipe", timeout: 300_000 },
  );
  return docxes.map((docx) =>
    join(
      outDir,
      docx
        .split("/")
        .pop()!
        .replace(/\.docx$/, ".pdf"),
    ),
  );
}

/**
 * Reading a report's pages back: the words of the document model that do not appear whole in
 * the text pdftotext gives (a word broken across lines without a hyphen shows as two pieces).
 * A compound may break after its own hyphen or slash, so its parts are compared apart.
 */

/** Letters and digits of a word, its hyphen/slash parts separately. */
export function wordParts(text: string): string[] {
  return text
    .replace(/\u00a0/g, " ")
    .split(/\s+/u)
    .flatMap((w) => w.split(/[-–—/]/u))
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""))
    .filter((w) => /\p{L}/u.test(w) && w.length > 1);
}

/** Model words missing from the PDF's words (each reported once). */
export function brokenWords(modelText: string, pdfText: string): string[] {
  const seen = new Set(wordParts(pdfText));
  return [...new Set(wordParts(modelText))].filter((w) => !seen.has(w));
}

export interface PageFill {
  /** Share of the text area's height down to the lowest line of text (0 for a blank page). */
  readonly fill: number;
  /** The page's first line of text below the running header. */
  readonly firstLine: string;
  readonly landscape: boolean;
}

/**
 * How full each page of a PDF is: from the top margin to the lowest word above the bottom
 * margin (the running header «ЧЕРНОВИК» and the page number in the footer are outside the
 * margins), as a share of the text area's height. Reads pdftotext's word boxes.
 */
export function pageFills(pdf: string, marginPt = (20 * 72) / 25.4): PageFill[] {
  const xml = execFileSync(requireCommand("pdftotext"), ["-bbox", pdf, "-"], { encoding: "utf8" });
  return [...xml.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map((page) => {
    const height = Number(page[2]);
    const words = [
      ...page[3]!.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g),
    ]
      .map((w) => ({ top: Number(w[1]), bottom: Number(w[2]), text: w[3]! }))
      .filter((w) => w.top >= marginPt - 2 && w.bottom <= height - marginPt + 2);
    const lowest = words.reduce((y, w) => Math.max(y, w.bottom), marginPt);
    const firstTop = words.reduce((y, w) => Math.min(y, w.top), height);
    const firstLine = words
      .filter((w) => Math.abs(w.top - firstTop) < 3)
      .map((w) => w.text)
      .join(" ");
    return { fill: (lowest - marginPt) / (height - 2 * marginPt), firstLine, landscape: Number(page[1]) > height };
  });
}
