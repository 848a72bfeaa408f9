/**
 * DocModel → .docx: A4, margins 20 mm (left 30 mm), Times New Roman 14 pt text and 12 pt
 * tables, bordered tables whose bold shaded header rows repeat on every page, page numbers
 * in the footer, landscape when the model says so. Draws any DocModel (the report and the
 * committee summary).
 *
 * The `docx` library makes the package (styles, footer, page set-up, content types) around a
 * placeholder paragraph; the body is written as WordprocessingML by docx-body.ts and put in
 * its place (fast for 10,000-row tables).
 */
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  TextRun,
} from "docx";
import type { DocModel } from "../core/report/model.js";
import { TABLE_STYLE, bodyXml } from "./docx-body.js";
import { A4, FONT, MARGINS, TABLE_SIZE, TEXT_SIZE } from "./docx-layout.js";
import { repack } from "./zip-pack.js";

export { columnTwips, textWidth } from "./docx-layout.js";

const PLACEHOLDER = "MIP-BODY-PLACEHOLDER-7f3a";

function pageSize(orientation: DocModel["orientation"]): string {
  return orientation === "landscape"
    ? `<w:pgSz w:w="${A4.height}" w:h="${A4.width}" w:orient="landscape"/>`
    : `<w:pgSz w:w="${A4.width}" w:h="${A4.height}" w:orient="portrait"/>`;
}

function pageNumberFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], size: TABLE_SIZE, font: FONT })],
      }),
    ],
  });
}

/** «ЧЕРНОВИК» at the top of every page of a draft. */
function draftHeader(): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [new TextRun({ text: "ЧЕРНОВИК", bold: true, size: TABLE_SIZE, font: FONT, color: "C00000" })],
      }),
    ],
  });
}

/** The package: styles, footer and page set-up, with a placeholder where the body goes. */
function docxDocument(model: DocModel): Document {
  return new Document({
    title: model.title,
    creator: "МИП-отчёт",
    description: model.draft ? "Черновик отчёта: в таблице есть ошибки" : "Отчёт о деятельности МИП",
    // Word hyphenates the Russian prose (ru-RU below); titles, headings and tables are exempt
    // (suppressAutoHyphens in docx-body.ts).
    hyphenation: { autoHyphenation: true },
    styles: {
      default: {
        document: { run: { font: FONT, size: TEXT_SIZE, language: { value: "ru-RU" } } },
        heading1: { run: { font: FONT, size: TEXT_SIZE, bold: true, color: "000000" } },
        heading2: { run: { font: FONT, size: TEXT_SIZE, bold: true, color: "000000" } },
        heading3: { run: { font: FONT, size: TEXT_SIZE, bold: true, italics: true, color: "000000" } },
      },
      paragraphStyles: [
        {
          id: TABLE_STYLE,
          name: "Текст таблицы",
          basedOn: "Normal",
          run: { font: FONT, size: TABLE_SIZE },
          // Single spacing said in full: without lineRule LibreOffice reads line 240 as exactly
          // 12 pt, tighter than Word's single line (ECMA-376 17.3.1.33: the default is auto).
          paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } },
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: {
              width: A4.width,
              height: A4.height,
              orientation: model.orientation === "landscape" ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
            },
            margin: MARGINS,
          },
        },
        footers: { default: pageNumberFooter() },
        ...(model.draft ? { headers: { default: draftHeader() } } : {}),
        children: [new Paragraph({ children: [new TextRun(PLACEHOLDER)] })],
      },
    ],
  });
}

/** DocModel → .docx bytes: the body put in the skeleton, every part XML-safe, packed with zlib (zip-pack.ts). */
export async function renderDocx(model: DocModel): Promise<Buffer> {
  const skeleton = await Packer.toBuffer(docxDocument(model));
  return repack(skeleton, {
    "word/document.xml": (documentXml) => {
      const at = documentXml.indexOf(PLACEHOLDER);
      const start = documentXml.lastIndexOf("<w:p>", at);
      const end = documentXml.indexOf("</w:p>", at) + "</w:p>".length;
      if (at < 0 || start < 0) throw new Error("docx skeleton without the body placeholder");
      // The final section properties (page size, margins, header and footer references) are the
      // model of every section a landscape table starts (see SectionBlock).
      const rest = documentXml.slice(end);
      const sectPr = /<w:sectPr[\s\S]*?<\/w:sectPr>/.exec(rest)?.[0];
      if (!sectPr) throw new Error("docx skeleton without section properties");
      const sectionFor = (orientation: DocModel["orientation"]) =>
        sectPr.replace(/<w:pgSz[^>]*\/>/, pageSize(orientation));
      const { xml, lastOrientation } = bodyXml(model.blocks, model.orientation, sectionFor);
      return documentXml.slice(0, start) + xml + rest.replace(sectPr, sectionFor(lastOrientation));
    },
  });
}
