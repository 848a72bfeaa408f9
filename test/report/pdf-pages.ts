import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { requireCommand } from "../helpers/system-tools.js";

/** Converts a .docx to PDF with a private LibreOffice profile (parallel runs do not collide). */
export function docxToPdf(docx: string, outDir: string): string {
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
      docx,
    ],
    { stdio: "pipe", timeout: 300_000 },
  );
  return join(
    outDir,
    docx
      .split("/")
      .pop()!
      .replace(/\.docx$/, ".pdf"),
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
