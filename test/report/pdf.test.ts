/**
 * The sample workbook's report converted to PDF by LibreOffice and read back with pdftotext:
 * every section heading and the key numbers appear, in order. Needs soffice and pdftotext
 * (`npm test` installs them); without them the test fails naming the package to install.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildReport } from "../../src/core/report/build.js";
import { sampleGrid, sampleReportDate } from "../../src/core/sample.js";
import { validateWorkbook } from "../../src/core/validate.js";
import { writeReportFile } from "../../src/local/report-file.js";
import { requireCommand } from "../helpers/system-tools.js";

/** Converts a .docx to PDF with a private LibreOffice profile (parallel runs do not collide). */
export function docxToPdf(docx: string, outDir: string): string {
  const profile = mkdtempSync(join(tmpdir(), "mip-lo-profile-"));
  execFileSync(
    requireCommand("soffice"),
    [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "pdf", "--outdir", outDir, docx],
    { stdio: "pipe", timeout: 120_000 },
  );
  return join(outDir, docx.split("/").pop()!.replace(/\.docx$/, ".pdf"));
}

describe("report PDF", () => {
  it("shows every section heading and the key numbers, in order", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mip-report-pdf-"));
    const written = await writeReportFile(sampleGrid(), join(dir, "sample.docx"), { today: sampleReportDate });
    expect(written.kind).toBe("written");
    if (written.kind !== "written") return;
    const pdf = docxToPdf(written.path, dir);
    // Whitespace is normalised: pdftotext breaks lines wherever the layout wraps them.
    const text = execFileSync(requireCommand("pdftotext"), ["-layout", pdf, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");

    const built = buildReport(validateWorkbook(sampleGrid(), { today: sampleReportDate }), { strict: false });
    expect(built.kind).toBe("document");
    if (built.kind !== "document") return;
    // Every heading and the signature, in the model's order (a draft's appendix comes after the signature).
    const landmarks = built.model.blocks.flatMap((b) =>
      b.type === "heading" ? [b.text] : b.type === "signature" ? [b.left] : [],
    );
    expect(landmarks.length).toBeGreaterThan(25);
    const expectedInOrder = [built.model.draft ? "ЧЕРНОВИК" : "ОТЧЕТ", ...landmarks];
    let from = 0;
    for (const piece of expectedInOrder) {
      const at = text.indexOf(piece.replace(/\s+/g, " "), from);
      expect(at, `«${piece}» after position ${from}`).toBeGreaterThanOrEqual(from);
      from = at + piece.length;
    }

    // Key numbers: the ИТОГО rows and the participants total, as the model computed them.
    const itogo = built.model.blocks[built.model.blocks.findIndex((b) => b.type === "heading" && b.text.startsWith("ИТОГО")) + 1];
    expect(itogo?.type).toBe("table");
    if (itogo?.type !== "table") return;
    for (const row of itogo.rows) {
      const [label, total] = row as string[];
      // The label may wrap around the number; its first two words come before it.
      const start = label!.split(" ").slice(0, 2).join(" ");
      expect(text).toMatch(new RegExp(`${start}.{0,40}? ${total} `));
    }
    const participants = built.model.blocks.find(
      (b) => b.type === "table" && b.columns[0]?.header === "Категория участников",
    );
    const totalRow = participants?.type === "table" ? (participants.rows.at(-1) as string[]) : [];
    expect(totalRow[0]).toBe("Общее число участников");
    expect(Number(totalRow[1])).toBeGreaterThan(0);
    expect(text).toMatch(new RegExp(`Общее число ${totalRow[1]} участников|Общее число участников ${totalRow[1]}`));
    const m = built.model;
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))?.[1]);
    expect(pages).toBeGreaterThan(3);
    expect(readFileSync(pdf).subarray(0, 4).toString("latin1")).toBe("%PDF");
    expect(m.title).toContain("Отчёт МИП");
  }, 180_000);
});
