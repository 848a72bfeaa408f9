/** The .docx renderer, checked on the real file: unzip it and read word/document.xml. */
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { buildReportModel } from "../../src/core/report/build.js";
import type { DocModel, TableBlock } from "../../src/core/report/model.js";
import { fitTable, rowHeightPt } from "../../src/core/report/widths.js";
import { columnTwips, renderDocx, textWidth } from "../../src/local/docx.js";
import { fixtureResult } from "./fixture.js";

interface Unzipped {
  xml: string;
  footer: string;
  styles: string;
  bytes: Buffer;
}

async function documentXml(model: DocModel): Promise<Unzipped> {
  const bytes = await renderDocx(model);
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file("word/document.xml")!.async("string");
  const footerName = Object.keys(zip.files).find((n) => /^word\/footer\d*\.xml$/.test(n));
  const footer = footerName ? await zip.file(footerName)!.async("string") : "";
  const styles = await zip.file("word/styles.xml")!.async("string");
  return { xml, footer, styles, bytes };
}

/** Visible text of the document, paragraphs joined by newlines. */
function visibleText(xml: string): string {
  return xml
    .split(/<\/w:p>/)
    .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(""))
    .join("\n")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}

let portrait: Unzipped;
let landscape: Unzipped;
let model: DocModel;

beforeAll(async () => {
  const result = fixtureResult();
  model = buildReportModel(result);
  portrait = await documentXml(model);
  landscape = await documentXml({ ...model, orientation: "landscape" });
});

describe(".docx report", () => {
  it("is a zip starting with the PK signature", () => {
    expect(portrait.bytes.subarray(0, 2).toString("latin1")).toBe("PK");
  });

  it("uses A4 with 20 mm margins and a 30 mm left margin", () => {
    expect(portrait.xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"(?: w:orient="portrait")?\/>/);
    expect(portrait.xml).toMatch(/<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701"/);
  });

  it("turns the page for a landscape model", () => {
    expect(landscape.xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
  });

  it("sets Times New Roman, 14 pt for text and 12 pt in tables", () => {
    const defaults = /<w:docDefaults>.*?<\/w:docDefaults>/s.exec(portrait.styles)?.[0] ?? "";
    expect(defaults).toContain('w:ascii="Times New Roman"');
    expect(defaults).toMatch(/<w:sz w:val="28"\/>/);
    expect(defaults).toMatch(/<w:lang w:val="ru-RU"/);
    const tableStyle = /<w:style [^>]*w:styleId="MipTableText".*?<\/w:style>/s.exec(portrait.styles)?.[0] ?? "";
    expect(tableStyle).toContain('w:ascii="Times New Roman"');
    expect(tableStyle).toMatch(/<w:sz w:val="24"\/>/);
    // Every paragraph inside a table uses the 12 pt style; no run overrides the size there.
    const tables = portrait.xml.match(/<w:tbl>.*?<\/w:tbl>/gs) ?? [];
    expect(tables.length).toBeGreaterThan(7);
    for (const t of tables) {
      const paragraphs = t.match(/<w:p>/g)?.length ?? 0;
      expect(t.match(/<w:pStyle w:val="MipTableText"\/>/g)?.length).toBe(paragraphs);
      expect(t).not.toMatch(/<w:sz /);
    }
    // Body text outside tables takes the 14 pt default: the only explicit sizes are the 16 pt
    // title and the 1 pt mark of a paragraph that ends a section (it holds no text).
    const outside = portrait.xml
      .replace(/<w:tbl>.*?<\/w:tbl>/gs, "")
      .replace(/<w:p><w:pPr>[^]*?<\/w:p>/g, (p) => (p.includes("<w:sectPr") ? "" : p));
    expect([...new Set(outside.match(/<w:sz w:val="\d+"\/>/g))]).toEqual(['<w:sz w:val="32"/>']);
  });

  it("draws bordered tables with a bold shaded header row repeated on every page", () => {
    const tables = portrait.xml.split("<w:tbl>").slice(1);
    const modelTables = model.blocks.filter((b) => b.type === "table").length;
    expect(tables).toHaveLength(modelTables);
    for (const t of tables) {
      expect(t).toMatch(/<w:tblBorders>.*<w:insideH w:val="single"/s);
      expect(t).toMatch(/<w:insideV w:val="single"/);
      const firstRow = t.slice(0, t.indexOf("</w:tr>"));
      expect(firstRow).toContain("<w:tblHeader/>");
      expect(firstRow).toMatch(/<w:shd [^>]*w:fill="D9D9D9"/);
      expect(firstRow).toContain("<w:b/>");
    }
  });

  it("sets column widths from the model's weights, adding up to the text width", () => {
    expect(columnTwips([1, 1, 2], 9071)).toEqual([2267, 2267, 4537]);
    const widths = [...portrait.xml.split("<w:tbl>")[1]!.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) =>
      Number(m[1]),
    );
    expect(widths.reduce((a, b) => a + b, 0)).toBe(textWidth("portrait"));
    expect(widths[1]).toBeGreaterThan(widths[0]! * 3);
  });

  it("merges a table's group headers", async () => {
    const grouped: DocModel = {
      title: "t",
      orientation: "portrait",
      draft: false,
      blocks: [
        {
          type: "table",
          columns: [
            { header: "А", width: 1 },
            { header: "Б", width: 1 },
            { header: "В", width: 1 },
          ],
          headerRows: [
            [
              { text: "", span: 1 },
              { text: "Группа", span: 2 },
            ],
          ],
          rows: [["1", "2", "3"]],
        },
      ],
    };
    expect((await documentXml(grouped)).xml).toContain('<w:gridSpan w:val="2"/>');
  });

  it("keeps a body row on one page (cantSplit) unless it is taller than six lines", async () => {
    const long = "слово ".repeat(60);
    const rows: DocModel = {
      title: "t",
      orientation: "portrait",
      draft: false,
      blocks: [
        {
          type: "table",
          columns: [
            { header: "А", width: 1 },
            { header: "Б", width: 1 },
          ],
          rows: [
            ["короткая", "строка"],
            ["пять строк", "слово ".repeat(40)],
            ["длинная", long],
          ],
        },
      ],
    };
    // Half the portrait width holds some seven «слово» a line: 40 take six lines, 60 take nine.
    const table = fitTable(rows.blocks[0] as TableBlock, "portrait");
    expect(rowHeightPt(table, table.rows[1]!)).toBeLessThanOrEqual(6 * 12 * 1.15 + 3);
    expect(rowHeightPt(table, table.rows[2]!)).toBeGreaterThan(8 * 12 * 1.15);
    const body = (await documentXml(rows)).xml.split("<w:tr>").slice(2);
    expect(body[0]).toContain("<w:cantSplit/>");
    expect(body[1]).toContain("<w:cantSplit/>");
    expect(body[2]).not.toContain("<w:cantSplit/>");
  });

  it("a draft has «ЧЕРНОВИК» in the header of every page", async () => {
    const bytes = await renderDocx({ ...model, draft: true });
    const zip = await JSZip.loadAsync(bytes);
    const headerName = Object.keys(zip.files).find((n) => /^word\/header\d*\.xml$/.test(n))!;
    expect(await zip.file(headerName)!.async("string")).toContain("ЧЕРНОВИК");
    const xml = await zip.file("word/document.xml")!.async("string");
    // Every section (the landscape ones included) refers to the same header.
    const sections = xml.match(/<w:sectPr[\s\S]*?<\/w:sectPr>/g) ?? [];
    expect(sections.length).toBeGreaterThan(0);
    for (const s of sections) expect(s).toMatch(/<w:headerReference w:type="default"/);
    const clean = await JSZip.loadAsync(await renderDocx({ ...model, draft: false }));
    expect(Object.keys(clean.files).some((n) => /^word\/header\d*\.xml$/.test(n))).toBe(false);
  });

  it("a table too wide for portrait gets a landscape section of its own, the rest stays portrait", () => {
    const sections = portrait.xml.match(/<w:sectPr[\s\S]*?<\/w:sectPr>/g) ?? [];
    const sizes = sections.map((s) => /w:orient="(\w+)"/.exec(s)?.[1]);
    expect(sizes).toEqual(["portrait", "landscape", "portrait"]);
  });

  it("puts the page number in the footer", () => {
    expect(portrait.footer).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
  });

  it("contains the text of the model: title, headings, table cells, signature", () => {
    const text = visibleText(portrait.xml);
    expect(text).toContain("ПРОМЕЖУТОЧНЫЙ ОТЧЕТ");
    expect(text).toContain("1. Общие сведения");
    expect(text).toContain("Психологическая гостиная");
    expect(text).toContain("Итого: 2 наставника");
    expect(text).toContain("Руководитель МОУ (МИП)(М.И.\u00a0Кленова)");
    // Line breaks inside a cell are real breaks, not lost text.
    expect(portrait.xml).toMatch(/Психологическая гостиная<\/w:t>.*?<w:br\/>.*?Срок: Февраль-ноябрь/s);
  });

  it("makes headings bold and real Word headings (navigation pane)", () => {
    expect(portrait.xml).toMatch(/<w:pStyle w:val="Heading1"\/>.*?<w:b\/>.*?1\. Общие сведения/s);
  });

  it("hyphenates the Russian prose only: headings and every table paragraph are exempt", async () => {
    const settings = await (await JSZip.loadAsync(portrait.bytes)).file("word/settings.xml")!.async("string");
    expect(settings).toContain("<w:autoHyphenation/>");
    const paragraphs = portrait.xml.split("</w:p>");
    const headings = paragraphs.filter((p) => /<w:pStyle w:val="Heading\d"\/>/.test(p));
    expect(headings.length).toBeGreaterThan(10);
    expect(headings.every((p) => p.includes("<w:suppressAutoHyphens/>"))).toBe(true);
    const cells = paragraphs.filter((p) => p.includes('<w:pStyle w:val="MipTableText"/>'));
    expect(cells.length).toBeGreaterThan(50);
    expect(cells.every((p) => p.includes("<w:suppressAutoHyphens/>"))).toBe(true);
    // Prose: indented body paragraphs that are not bold captions kept with what follows.
    const prose = paragraphs.filter((p) => p.includes("<w:ind w:firstLine=") && !p.includes("<w:keepNext/>"));
    expect(prose.length).toBeGreaterThan(5);
    expect(prose.some((p) => p.includes("<w:suppressAutoHyphens/>"))).toBe(false);
  });

  it("escapes text a cell may hold: markup characters and control characters", async () => {
    const hostile: DocModel = {
      title: "t",
      orientation: "portrait",
      draft: false,
      blocks: [
        { type: "paragraph", runs: [{ text: 'a < b & c > "d" \u0001\u000bконец' }] },
        { type: "table", columns: [{ header: "<w:p>", width: 1 }], rows: [['</w:t>=HYPERLINK("x")']] },
      ],
    };
    const { xml } = await documentXml(hostile);
    expect(xml).toContain("a &lt; b &amp; c &gt; &quot;d&quot; конец");
    expect(xml).toContain("&lt;/w:t&gt;=HYPERLINK(&quot;x&quot;)");
    expect(xml).toContain("&lt;w:p&gt;");
    // eslint-disable-next-line no-control-regex -- the writer must drop control characters
    expect(xml).not.toMatch(/[\u0001\u000b]/);
  });
});
