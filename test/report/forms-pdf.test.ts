/**
 * The pages of each form, read back. For both samples (Кировский район, a draft; Новокузнецк,
 * final) in both orientations: the .docx is converted to PDF by LibreOffice and read with
 * pdftotext; the form's wording as the specification gives it (form-wording.ts: every
 * heading, item, note and the signature) appears verbatim and in order, every table heading
 * is the header of a table of the .docx verbatim and its words are on the pages, the form
 * definition's skeleton appears in order, nothing of the other form appears, every word of
 * the document appears whole (a word broken across lines without a hyphen fails), and a
 * draft says «ЧЕРНОВИК» on every page.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import type { WorkbookGrid } from "../../src/core/grid.js";
import { buildReport, reportContextOf } from "../../src/core/report/build.js";
import { formSkeleton } from "../../src/core/report/forms/engine.js";
import { NOVOKUZNETSK, REPORT_FORMS } from "../../src/core/report/forms/index.js";
import { REPORT_VOCABULARY } from "../../src/core/report/forms/report-vocabulary.js";
import { type DocModel, blockText } from "../../src/core/report/model.js";
import { sampleReportDate, sampleSchools } from "../../src/demo/sample.js";
import { novokuznetskSampleGrid } from "../../src/demo/sample-novokuznetsk.js";
import { validateWorkbook } from "../../src/core/validate.js";
import { renderDocx } from "../../src/local/docx.js";
import { requireCommand } from "../helpers/system-tools.js";
import { FORM_CASES } from "./form-cases.js";
import { brokenWords, docxToPdf } from "./pdf-pages.js";

/** The grid with one Настройки value replaced (by label). */
function withSetting(grid: WorkbookGrid, label: string, value: string): WorkbookGrid {
  return {
    ...grid,
    tabs: grid.tabs.map((t) =>
      t.title !== "Настройки"
        ? t
        : { ...t, rows: t.rows.map((r) => (r[0] === label ? [r[0], value, ...r.slice(2)] : r)) },
    ),
  };
}

const normalise = (text: string): string => text.replace(/\u00a0/g, " ").replace(/\s+/g, " ");

/**
 * Text as a sequence of its visible characters, for finding a heading verbatim on pages:
 * spaces, line ends and hyphens dropped (a line may end in a hyphen the typesetter added) —
 * a heading whose words or other punctuation differ still does not match.
 */
const glyphs = (text: string): string => text.replace(/[-\s\u00a0\u00ad\u200b]+/g, "");

/** The header cells of every table of a .docx, each cell's text with its line breaks as spaces. */
async function tableHeaders(docx: Uint8Array): Promise<string[][]> {
  const xml = await (await JSZip.loadAsync(docx)).file("word/document.xml")!.async("string");
  const cellText = (tc: string) =>
    [...tc.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)]
      .map((m) => (m[1] === undefined ? " " : m[1]))
      .join("")
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, "&")
      .replace(/\u200b/g, "")
      .replace(/\s+/g, " ")
      .trim();
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((tbl) =>
    [...tbl[1]!.matchAll(/<w:tr>(?:(?!<\/w:tr>)[\s\S])*?<w:tblHeader\/>[\s\S]*?<\/w:tr>/g)].flatMap((tr) =>
      [...tr[0].matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((tc) => cellText(tc[1]!)),
    ),
  );
}
/** Every registered form, with its sample and wording (form-cases.ts; form-steps.test.ts checks each has one). */
const CASES = REPORT_FORMS.map((form) => ({
  form,
  others: REPORT_FORMS.filter((f) => f !== form),
  ...FORM_CASES[form.id]!,
}));

describe("report pages of each form", () => {
  for (const { form, others, grid, today, wording } of CASES) {
    for (const orientation of ["Книжная", "Альбомная"] as const) {
      it(`${form.name}, ${orientation.toLowerCase()}: skeleton in order, no word broken, draft marked on every page`, async () => {
        const validation = validateWorkbook(withSetting(grid(), "Ориентация страниц отчёта", orientation), { today });
        const built = buildReport(validation, { strict: false });
        if (built.kind !== "document") throw new Error("expected a document");
        const model: DocModel = built.model;
        expect(model.form).toBe(form.id);
        const dir = mkdtempSync(join(tmpdir(), "mip-form-pdf-"));
        const docx = join(dir, `${form.id}.docx`);
        const bytes = await renderDocx(model);
        writeFileSync(docx, bytes);
        const pdf = docxToPdf(docx, dir);
        const raw = execFileSync(requireCommand("pdftotext"), ["-layout", pdf, "-"], { encoding: "utf8" });
        const text = normalise(raw);

        // The form's own words, verbatim and in order.
        const pages = glyphs(raw.replace(/^.*ЧЕРНОВИК.*$/gmu, ""));
        let at = 0;
        for (const landmark of wording.landmarks) {
          const found = pages.indexOf(glyphs(landmark), at);
          expect(found, `«${landmark}» verbatim, after the previous landmark`).toBeGreaterThanOrEqual(at);
          at = found + glyphs(landmark).length;
        }
        // Every table heading of the form: a table of the document has it as its header, word for word.
        const headers = await tableHeaders(bytes);
        for (const expected of wording.tables)
          expect(headers, `a table headed ${expected.join(" | ")}`).toContainEqual(expected);
        expect(brokenWords(wording.tables.flat().join("\n"), raw)).toEqual([]);

        const ctx = reportContextOf(validation);
        const skeleton = formSkeleton(form, REPORT_VOCABULARY, ctx);
        expect(skeleton.length).toBeGreaterThan(15);
        let from = 0;
        for (const landmark of skeleton) {
          const at = text.indexOf(normalise(landmark), from);
          expect(at, `«${landmark}» after position ${from}`).toBeGreaterThanOrEqual(from);
          from = at + landmark.length;
        }
        // Nothing of the other forms: their own headings (those this form does not share) are absent.
        const mine = new Set(skeleton.map(normalise));
        for (const other of others)
          for (const foreign of formSkeleton(other, REPORT_VOCABULARY, ctx)
            .map(normalise)
            .filter((h) => !mine.has(h) && h.length > 12))
            expect(text, `«${foreign}» belongs to the form «${other.name}»`).not.toContain(foreign);

        const modelText = model.blocks.flatMap(blockText).join("\n");
        expect(brokenWords(modelText, raw)).toEqual([]);

        // Key numbers as the model computed them: Новокузнецк's declared total «>1000» as declared, its ИТОГО list.
        if (form === NOVOKUZNETSK) {
          expect(text).toMatch(/Общее число >1000 участников|Общее число участников.{0,60}>1000/);
          expect(text).toContain("Всероссийский уровень – 1");
          expect(text).toContain("Муниципальный уровень – 1 (побед – 1)");
        } else {
          expect(text).toMatch(/педагогов — 27/);
        }

        const sheets = raw.split("\f").filter((p) => p.trim() !== "");
        expect(sheets.length).toBeGreaterThan(3);
        if (model.draft) for (const [i, page] of sheets.entries()) expect(page, `page ${i + 1}`).toContain("ЧЕРНОВИК");
        else expect(raw).not.toContain("ЧЕРНОВИК");
      }, 180_000);
    }
  }

  it("the word check catches a word broken without a hyphen", () => {
    expect(brokenWords("Организация наставничества", "Организация наставничеств\nа")).toEqual(["наставничества"]);
    expect(brokenWords("педагогами-наставниками", "педагогами-\nнаставниками")).toEqual([]);
  });
});

describe("every demo workbook's report", () => {
  const grids = [
    ...sampleSchools().map((s) => ({ name: s.fileName, grid: s.grid })),
    { name: "Новокузнецк", grid: novokuznetskSampleGrid() },
  ];
  for (const { name, grid } of grids) {
    it(`${name}: no word broken, portrait or landscape`, async () => {
      const dir = mkdtempSync(join(tmpdir(), "mip-demo-pdf-"));
      for (const orientation of ["Книжная", "Альбомная"]) {
        const built = buildReport(
          validateWorkbook(withSetting(grid, "Ориентация страниц отчёта", orientation), { today: sampleReportDate }),
          { strict: false },
        );
        if (built.kind !== "document") throw new Error("expected a document");
        const docx = join(dir, `${orientation}.docx`);
        writeFileSync(docx, await renderDocx(built.model));
        const raw = execFileSync(requireCommand("pdftotext"), ["-layout", docxToPdf(docx, dir), "-"], {
          encoding: "utf8",
        });
        expect(brokenWords(built.model.blocks.flatMap(blockText).join("\n"), raw), orientation).toEqual([]);
      }
    }, 180_000);
  }
});
