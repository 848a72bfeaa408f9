/**
 * The order printed: the roadmap of a real order's 32 rows (invented people) rendered to .docx,
 * converted to PDF by LibreOffice and read back with pdfinfo and pdftotext. The order is on
 * portrait pages, its appendix on landscape pages whose every page repeats the table's header,
 * and every word of the document appears whole.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { blockText } from "../../src/core/report/model.js";
import { buildOrderDoc, validateRoadmap } from "../../src/core/roadmap/index.js";
import { renderDocx } from "../../src/local/docx.js";
import { requireCommand } from "../helpers/system-tools.js";
import { brokenWords, docxToPdf } from "../report/pdf-pages.js";
import { realRoadmapGrid } from "./fixture.js";

const normalise = (text: string): string => text.replace(/\u00a0/g, " ").replace(/\s+/g, " ");

describe("the order with its appendix, printed", () => {
  const model = buildOrderDoc(validateRoadmap(realRoadmapGrid()).roadmap, { draft: true });
  let pages: { width: number; height: number; text: string }[] = [];
  let allText = "";

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "mip-roadmap-pdf-"));
    const docx = join(dir, "order.docx");
    writeFileSync(docx, await renderDocx(model));
    const pdf = docxToPdf(docx, dir);
    const info = execFileSync(requireCommand("pdfinfo"), ["-f", "1", "-l", "999", pdf], { encoding: "utf8" });
    const sizes = [...info.matchAll(/Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => ({
      width: Number(m[2]),
      height: Number(m[3]),
    }));
    const pdftotext = requireCommand("pdftotext");
    pages = sizes.map((size, i) => ({
      ...size,
      text: normalise(
        execFileSync(pdftotext, ["-layout", "-f", String(i + 1), "-l", String(i + 1), pdf, "-"], { encoding: "utf8" }),
      ),
    }));
    // -layout keeps a hyphen at a line's end («мастер-» / «классы»), which plain mode would drop.
    allText = execFileSync(pdftotext, ["-layout", pdf, "-"], { encoding: "utf8" });
  }, 180_000);

  it("prints the order on a portrait page and the appendix on landscape pages with the header repeated", () => {
    expect(pages.length).toBeGreaterThan(3);
    const first = pages[0]!;
    expect(first.height).toBeGreaterThan(first.width);
    expect(first.text).toContain("РАСПОРЯЖЕНИЕ");
    expect(first.text).toContain("от 05 марта 2022 года № 94");
    const appendix = pages.filter((p) => p.width > p.height);
    expect(appendix.length).toBeGreaterThan(1);
    // The landscape pages follow the portrait order, one run of them.
    expect(pages.slice(pages.indexOf(appendix[0]!), pages.indexOf(appendix.at(-1)!) + 1)).toEqual(appendix);
    for (const page of appendix) {
      // The header row, repeated on every page (a header cell may wrap over lines).
      for (const word of ["п/п", "Направления", "деятельности", "Ответственные", "институциональном", "Ожидаемые"])
        expect(page.text).toContain(word);
    }
    expect(appendix[0]!.text).toContain("Приложение 1");
    expect(appendix[0]!.text).toContain("МУНИЦИПАЛЬНАЯ ДОРОЖНАЯ КАРТА");
    // Every item is printed, the last one on the last landscape page.
    expect(appendix.at(-1)!.text).toContain("координационного совета");
    for (const page of pages) expect(page.text).toContain("ЧЕРНОВИК");
  });

  it("breaks no word across lines", () => {
    const modelText = model.blocks.flatMap(blockText).join("\n");
    expect(brokenWords(modelText, allText)).toEqual([]);
  });
});
