/**
 * The whole report as the parts of a .docx package (Office Open XML, ECMA-376 Part 2): content
 * types, relationships, styles, the document with its body (wordml-body.ts), a footer with a
 * centred PAGE field and, for a draft, a header «ЧЕРНОВИК». A4 with the .docx report's margins
 * (20 mm, left 30 mm), turned for a landscape model. Pure: the parts are strings; drive-files.ts
 * zips them with Utilities and Drive converts the package into a Google Doc on upload.
 *
 * Times New Roman 14 pt black is the document default (w:docDefaults), so a paragraph writes
 * only what differs from it; Heading1–3 are styles named «heading 1–3», the names Word gives
 * its built-in headings, so that the import can map them to the Doc's heading styles.
 */
import type { DocModel } from "../core/report/model.js";
import { A4_PT, FONT, MARGINS_PT, TEXT_PT } from "./docs-render.js";
import { bodyContentXml, twips } from "./wordml-body.js";

export interface PackagePart {
  /** The part's path inside the package, e.g. "word/document.xml". */
  readonly name: string;
  readonly text: string;
}

export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const W =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const WML = "application/vnd.openxmlformats-officedocument.wordprocessingml";
/** The header and footer sit 10 mm from the page's edge. */
const HEADER_FOOTER_TWIPS = twips((10 * 72) / 25.4);
const SMALL = `<w:rPr><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr>`;

function contentTypes(draft: boolean): string {
  const override = (part: string, type: string) =>
    `<Override PartName="/word/${part}" ContentType="${WML}.${type}+xml"/>`;
  return (
    `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/>` +
    override("document.xml", "document.main") +
    override("styles.xml", "styles") +
    override("footer1.xml", "footer") +
    (draft ? override("header1.xml", "header") : "") +
    `</Types>`
  );
}

const ROOT_RELS =
  `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`;

function documentRels(draft: boolean): string {
  const rel = (id: string, type: string, target: string) =>
    `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/>`;
  return (
    `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    rel("rId1", "styles", "styles.xml") +
    rel("rId2", "footer", "footer1.xml") +
    (draft ? rel("rId3", "header", "header1.xml") : "") +
    `</Relationships>`
  );
}

function headingStyle(level: 1 | 2 | 3): string {
  return (
    `<w:style w:type="paragraph" w:styleId="Heading${level}"><w:name w:val="heading ${level}"/>` +
    `<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>` +
    `<w:pPr><w:outlineLvl w:val="${level - 1}"/></w:pPr>` +
    `<w:rPr><w:b/><w:bCs/>${level === 3 ? "<w:i/><w:iCs/>" : ""}</w:rPr></w:style>`
  );
}

const STYLES =
  `${XML}<w:styles ${W}><w:docDefaults><w:rPrDefault><w:rPr>` +
  `<w:rFonts w:ascii="${FONT}" w:hAnsi="${FONT}" w:eastAsia="${FONT}" w:cs="${FONT}"/>` +
  `<w:color w:val="000000"/><w:sz w:val="${TEXT_PT * 2}"/><w:szCs w:val="${TEXT_PT * 2}"/>` +
  `<w:lang w:val="ru-RU"/></w:rPr></w:rPrDefault>` +
  `<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault>` +
  `</w:docDefaults>` +
  `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>` +
  headingStyle(1) +
  headingStyle(2) +
  headingStyle(3) +
  `</w:styles>`;

// The page number as a complex field (begin / instruction / separate / shown value / end): the
// form Word itself writes, which importers know best.
const FOOTER =
  `${XML}<w:ftr ${W}><w:p><w:pPr><w:jc w:val="center"/></w:pPr>` +
  `<w:r>${SMALL}<w:fldChar w:fldCharType="begin"/></w:r>` +
  `<w:r>${SMALL}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>` +
  `<w:r>${SMALL}<w:fldChar w:fldCharType="separate"/></w:r>` +
  `<w:r>${SMALL}<w:t>1</w:t></w:r>` +
  `<w:r>${SMALL}<w:fldChar w:fldCharType="end"/></w:r></w:p></w:ftr>`;

const HEADER =
  `${XML}<w:hdr ${W}><w:p><w:pPr><w:jc w:val="right"/></w:pPr><w:r><w:rPr><w:b/><w:color w:val="C00000"/>` +
  `<w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr><w:t>ЧЕРНОВИК</w:t></w:r></w:p></w:hdr>`;

function sectionProperties(model: DocModel): string {
  const landscape = model.orientation === "landscape";
  const [width, height] = landscape ? [A4_PT.height, A4_PT.width] : [A4_PT.width, A4_PT.height];
  const m = MARGINS_PT;
  return (
    `<w:sectPr>${model.draft ? '<w:headerReference w:type="default" r:id="rId3"/>' : ""}` +
    `<w:footerReference w:type="default" r:id="rId2"/>` +
    `<w:pgSz w:w="${twips(width)}" w:h="${twips(height)}"${landscape ? ' w:orient="landscape"' : ""}/>` +
    `<w:pgMar w:top="${twips(m.top)}" w:right="${twips(m.right)}" w:bottom="${twips(m.bottom)}" ` +
    `w:left="${twips(m.left)}" w:header="${HEADER_FOOTER_TWIPS}" w:footer="${HEADER_FOOTER_TWIPS}" w:gutter="0"/>` +
    `</w:sectPr>`
  );
}

/** Every part of the report's .docx, [Content_Types].xml first as Word writes it. */
export function reportPackage(model: DocModel): PackagePart[] {
  const document = `${XML}<w:document ${W}><w:body>${bodyContentXml(model)}${sectionProperties(model)}</w:body></w:document>`;
  return [
    { name: "[Content_Types].xml", text: contentTypes(model.draft) },
    { name: "_rels/.rels", text: ROOT_RELS },
    { name: "word/_rels/document.xml.rels", text: documentRels(model.draft) },
    { name: "word/document.xml", text: document },
    { name: "word/styles.xml", text: STYLES },
    { name: "word/footer1.xml", text: FOOTER },
    ...(model.draft ? [{ name: "word/header1.xml", text: HEADER }] : []),
  ];
}
