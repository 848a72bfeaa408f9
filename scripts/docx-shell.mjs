// The small .docx files a Google Doc report starts from (built into the Apps Script bundle as
// base64): A4, margins 20 mm (left 30 mm) as in the .docx report, a centred PAGE field in the
// footer, and a header «ЧЕРНОВИК» in the draft variants. Drive converts one on Files.create into a
// Google Doc; Apps Script then renders the report into its body. Four variants:
// portrait / landscape × final / draft. Deterministic bytes (fixed zip dates), so builds repeat.
import JSZip from "jszip";

const TWIPS_PER_MM = 1440 / 25.4;
const mm = (n) => Math.round(n * TWIPS_PER_MM);
const A4 = { width: mm(210), height: mm(297) };
const MARGINS = { top: mm(20), right: mm(20), bottom: mm(20), left: mm(30), header: mm(10), footer: mm(10) };
const FONT = "Times New Roman";
const W =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const RUN = `<w:rPr><w:rFonts w:ascii="${FONT}" w:hAnsi="${FONT}" w:cs="${FONT}"/><w:sz w:val="24"/></w:rPr>`;

function contentTypes(draft) {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>${draft ? '<Override PartName="/word/header1.xml" ' + 'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>' : ""}</Types>`;
}

const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

function documentRels(draft) {
  const rel = (id, type, target) =>
    `<Relationship Id="${id}" ` +
    `Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel("rId1", "footer", "footer1.xml")}${draft ? rel("rId2", "header", "header1.xml") : ""}</Relationships>`;
}

function documentXml(landscape, draft) {
  const [w, h] = landscape ? [A4.height, A4.width] : [A4.width, A4.height];
  const orient = landscape ? ' w:orient="landscape"' : "";
  const m = MARGINS;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document ${W}><w:body><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:p><w:sectPr>${draft ? "<w:headerReference " + 'w:type="default" ' + 'r:id="rId2"/>' : ""}<w:footerReference w:type="default" r:id="rId1"/><w:pgSz w:w="${w}" w:h="${h}"${orient}/><w:pgMar w:top="${m.top}" w:right="${m.right}" w:bottom="${m.bottom}" w:left="${m.left}" w:header="${m.header}" w:footer="${m.footer}" w:gutter="0"/></w:sectPr></w:body></w:document>`;
}

// The page number as a complex field (begin / instruction / separate / shown value / end): the
// form Word itself writes, which importers know best.
const FOOTER = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:ftr ${W}><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r>${RUN}<w:fldChar w:fldCharType="begin"/></w:r><w:r>${RUN}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r>${RUN}<w:fldChar w:fldCharType="separate"/></w:r><w:r>${RUN}<w:t>1</w:t></w:r><w:r>${RUN}<w:fldChar w:fldCharType="end"/></w:r></w:p></w:ftr>`;

const HEADER = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:hdr ${W}><w:p><w:pPr><w:jc w:val="right"/></w:pPr><w:r><w:rPr><w:rFonts w:ascii="${FONT}" w:hAnsi="${FONT}" w:cs="${FONT}"/><w:b/><w:color w:val="C00000"/><w:sz w:val="24"/></w:rPr><w:t>ЧЕРНОВИК</w:t></w:r></w:p></w:hdr>`;

const FIXED_DATE = new Date(Date.UTC(2020, 0, 1));

async function shell(landscape, draft) {
  const zip = new JSZip();
  const add = (name, text) => zip.file(name, text, { date: FIXED_DATE });
  add("[Content_Types].xml", contentTypes(draft));
  add("_rels/.rels", ROOT_RELS);
  add("word/_rels/document.xml.rels", documentRels(draft));
  add("word/document.xml", documentXml(landscape, draft));
  add("word/footer1.xml", FOOTER);
  if (draft) add("word/header1.xml", HEADER);
  const bytes = await zip.generateAsync({
    type: "nodebuffer",
    compression: "DEFLATE",
    compressionOptions: { level: 9 },
  });
  return bytes.toString("base64");
}

/** { portrait, landscape, portraitDraft, landscapeDraft } → base64 .docx. */
export async function docxShells() {
  return {
    portrait: await shell(false, false),
    landscape: await shell(true, false),
    portraitDraft: await shell(false, true),
    landscapeDraft: await shell(true, true),
  };
}
