/**
 * The order with its appendix in the committee's official layout, as the report's DocModel (so
 * the .docx renderer and the Google Docs path draw it unchanged):
 *
 *   Администрация / … района … (centred)          КОМИТЕТ ОБРАЗОВАНИЯ
 *   РАСПОРЯЖЕНИЕ        от 05 марта 2022 года № 94
 *   title; «В целях …:»; the numbered points; «Председатель комитета ______ И.О. Фамилия»;
 *   «Разослано: …»
 *   — a landscape section: «Приложение 1 к распоряжению комитета образования администрации …
 *   от … № …» at the right, the roadmap's heading and its table (the header row repeats on
 *   every page; columns are as wide as their longest word, so no word breaks);
 *   — the other appendices' title pages, portrait.
 * A draft (errors remain) says so in the renderer's header; the text is made all the same.
 */
import type { TableCell } from "../report/model.js";
import { type Block, type DocModel, paragraph, run } from "../report/model.js";
import { fitTableCompact } from "../report/widths.js";
import { table } from "../report/blocks.js";
import { MONTHS } from "../terms/months.js";
import type { IsoDate } from "../terms/types.js";
import type { Roadmap } from "./read.js";
import { DEFAULT_ROADMAP_HEADING, ROADMAP_HEADERS } from "./schema.js";

/** «05 марта 2022 года». */
function longRuDate(iso: IsoDate): string {
  const month = MONTHS[Number(iso.slice(5, 7)) - 1]!;
  return `${iso.slice(8, 10)} ${month.genitive} ${iso.slice(0, 4)} года`;
}

/** «от 05 марта 2022 года № 94» (what is missing is left out). */
export function orderDateLine(roadmap: Roadmap): string {
  const { date, fields } = roadmap.order;
  const when = date ? longRuDate(date) : fields.date;
  return [when ? `от ${when}` : "", fields.number ? `№ ${fields.number}` : ""].filter(Boolean).join(" ");
}

/** «Комитет образования» → «комитета образования»; «Администрация X» → «администрации X». */
function genitiveOfBody(name: string): string {
  return name
    .trim()
    .replace(/^комитет(?=\s|$)/iu, "комитета")
    .replace(/^администрация(?=\s|$)/iu, "администрации")
    .replace(/^управление(?=\s|$)/iu, "управления")
    .replace(/^отдел(?=\s|$)/iu, "отдела");
}

/** «Приложение N / к распоряжению комитета образования / администрации … / от … № …». */
function appendixLines(roadmap: Roadmap, n: number): string[] {
  const { fields } = roadmap.order;
  const committee = genitiveOfBody(fields.committee || "Комитет образования");
  const administration = genitiveOfBody(fields.administration);
  return [
    `Приложение ${n}`,
    `к распоряжению ${committee}`,
    ...(administration ? [administration] : []),
    orderDateLine(roadmap),
  ].filter((l) => l !== "");
}

/** The blank's first lines: «Администрация» on its own line, the rest under it. */
function administrationLines(text: string): string {
  const m = /^(Администрация)\s+(.+)$/u.exec(text.trim());
  return m ? `${m[1]}\n${m[2]}` : text.trim();
}

/** The roadmap's table as the appendix prints it: the six contract columns. */
export function roadmapTable(roadmap: Roadmap): Block {
  const rows: TableCell[][] = roadmap.items.map((item) => {
    const top = item.key !== null && !item.key.includes(".");
    const number = /\.$/.test(item.number) || item.key === null ? item.number : `${item.number}.`;
    return [
      top ? [run(number, { bold: true })] : number,
      item.name,
      item.dateText,
      item.municipal,
      item.institutional,
      item.result,
    ];
  });
  const weights = [5, 25, 10, 30, 17, 22];
  const block = table(
    ROADMAP_HEADERS.map((header, i) => ({
      header,
      width: weights[i]!,
      ...(i === 0 || i === 2 ? { align: "center" as const } : {}),
    })),
    rows,
  );
  return fitTableCompact(block, "landscape");
}

export interface OrderDocOptions {
  readonly draft: boolean;
}

export function buildOrderDoc(roadmap: Roadmap, options: OrderDocOptions): DocModel {
  const { fields } = roadmap.order;
  const blocks: Block[] = [];
  if (fields.administration) blocks.push(paragraph(administrationLines(fields.administration), "center"));
  blocks.push(paragraph([run((fields.committee || "Комитет образования").toUpperCase(), { bold: true })], "center"));
  blocks.push({ type: "title", lines: ["РАСПОРЯЖЕНИЕ"] });
  const dateLine = orderDateLine(roadmap);
  if (dateLine) blocks.push(paragraph(dateLine, "center"));
  if (fields.title) blocks.push(paragraph([run(fields.title, { bold: true })], "center"));
  if (fields.preamble) {
    const preamble = fields.preamble.trim().replace(/[.:;,]*$/u, ":");
    blocks.push(paragraph(preamble, "justify"));
  }
  for (const point of roadmap.order.points)
    blocks.push(paragraph(point.number ? `${point.number}. ${point.text}` : point.text, "justify"));
  blocks.push({
    type: "signature",
    left: fields.signer_position || "Председатель комитета",
    name: fields.signer.replace(/\s+/g, "\u00a0"),
  });
  if (fields.distribution)
    blocks.push(paragraph(`Разослано: ${fields.distribution.replace(/\s*\n\s*/g, ", ")}`, "left"));

  blocks.push({ type: "section", orientation: "landscape" });
  blocks.push({ type: "approval", lines: appendixLines(roadmap, 1) });
  const [heading, ...subtitle] = (fields.roadmap_heading || DEFAULT_ROADMAP_HEADING)
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "");
  blocks.push({ type: "title", lines: [heading ?? DEFAULT_ROADMAP_HEADING] });
  for (const line of subtitle) blocks.push(paragraph(line, "center"));
  blocks.push(roadmapTable(roadmap));

  const others = fields.appendices
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "");
  if (others.length > 0) blocks.push({ type: "section", orientation: "portrait" });
  others.forEach((title, i) => {
    if (i > 0) blocks.push({ type: "pageBreak" });
    blocks.push({ type: "approval", lines: appendixLines(roadmap, i + 2) });
    blocks.push(paragraph([run(title.replace(/^Приложение\s+\d+\s*[.:—–-]?\s*/u, ""), { bold: true })], "center"));
  });

  const number = fields.number ? ` № ${fields.number}` : "";
  const year = roadmap.year ? ` на ${roadmap.year} год` : "";
  return {
    title: `Распоряжение${number} — дорожная карта${year}`,
    orientation: "portrait",
    draft: options.draft,
    blocks,
  };
}

/** The roadmap's order as the справка names it among a stage's orders; null without date, number or title. */
export function committeeOrderOf(roadmap: Roadmap): { date: IsoDate | null; number: string; title: string } | null {
  const { date, fields } = roadmap.order;
  if (!fields.number || !fields.title || (!date && !fields.date)) return null;
  return { date, number: fields.number, title: fields.title };
}
