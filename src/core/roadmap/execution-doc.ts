/**
 * «Отчёт об исполнении дорожной карты» on a date: per item what was planned, which schools did it
 * (with their facts), which are at work, what is overdue, and the share done — on landscape
 * pages, as the report's DocModel.
 */
import { table } from "../report/blocks.js";
import { type Block, type DocModel, type TableCell, heading, paragraph, run } from "../report/model.js";
import { settlePageBreaks } from "../report/page-breaks.js";
import { fitTableCompact } from "../report/widths.js";
import { countWithNoun, type PluralForms } from "../russian.js";
import { formatRuDate } from "../terms/dates.js";
import { type Execution, shareText } from "./execution.js";
import type { Roadmap } from "./read.js";
import { orderDateLine } from "./order-doc.js";
import { EXECUTION_STATES, EXECUTION_TITLE } from "./schema.js";

const ITEMS: PluralForms = ["пункт", "пункта", "пунктов"];

function schoolsWith(execution: Execution, row: Execution["rows"][number], state: string): string[] {
  return row.cells.flatMap((c, i) => (c.state === state ? [execution.schools[i]!] : []));
}

const EXECUTION_DOC_NAME = "Отчёт об исполнении дорожной карты";

/** Up to this many schools the matrix fits a landscape page as a table; more are in the .xlsx / the tab. */
const MATRIX_MAX_SCHOOLS = 10;

/** The matrix item × school, on a page of its own unless the page before is half empty (states in words; overdue in bold). */
function matrixBlocks(execution: Execution): Block[] {
  if (execution.schools.length === 0) return [];
  if (execution.schools.length > MATRIX_MAX_SCHOOLS)
    return [
      paragraph(
        `Матрица исполнения по ${countWithNoun(execution.schools.length, SCHOOLS_DATIVE)} — ` +
          `на вкладке «${EXECUTION_TITLE}» (в таблице комитета или в файле .xlsx).`,
        "justify",
      ),
    ];
  const rows: TableCell[][] = execution.rows.map((r) => [
    r.item.number,
    r.item.dateText,
    shareText(r.share),
    ...r.cells.map((c) =>
      c.state === "overdue" ? [run(EXECUTION_STATES.overdue, { bold: true })] : EXECUTION_STATES[c.state],
    ),
  ]);
  const block = table(
    [
      { header: "№ п/п", width: 5, align: "center" },
      { header: "Дата", width: 9, align: "center" },
      { header: "Выполнили, %", width: 8, align: "center" },
      ...execution.schools.map((school) => ({ header: school, width: 10, align: "center" as const })),
    ],
    rows,
  );
  return [
    { type: "pageBreak" },
    heading(2, `Матрица исполнения на ${formatRuDate(execution.today)}`),
    fitTableCompact(block, "landscape"),
  ];
}

const SCHOOLS_DATIVE: PluralForms = ["школе", "школам", "школам"];

export function buildExecutionDoc(roadmap: Roadmap, execution: Execution, options: { draft: boolean }): DocModel {
  const date = formatRuDate(execution.today);
  const due = execution.rows.filter((r) => r.due);
  const fullyDone = execution.rows.filter((r) => r.concerned > 0 && r.done === r.concerned);
  const overdue = execution.rows.filter((r) => r.cells.some((c) => c.state === "overdue"));
  const blocks: Block[] = [
    {
      type: "title",
      lines: [
        "ОТЧЁТ",
        `об исполнении муниципальной дорожной карты${roadmap.year ? ` на ${roadmap.year} год` : ""}`,
        `по состоянию на ${date}`,
      ],
    },
  ];
  const order = orderDateLine(roadmap);
  if (order) blocks.push(paragraph(`Дорожная карта утверждена распоряжением ${order}.`, "justify"));
  blocks.push(
    paragraph(
      `В дорожной карте ${countWithNoun(execution.rows.length, ITEMS)}, срок наступил у ${due.length}; ` +
        `выполнены всеми школами, которых касаются, — ${fullyDone.length}; ` +
        `просрочены хотя бы одной школой — ${overdue.length}. ` +
        `Школ: ${execution.schools.length}.`,
      "justify",
    ),
  );
  const rows: TableCell[][] = execution.rows.map((r) => {
    const done = r.cells.flatMap((c, i) =>
      c.state === "done"
        ? [
            `${execution.schools[i]}: ${c.links
              .filter((l) => l.done)
              .map((l) => l.fact)
              .join("; ")}`,
          ]
        : [],
    );
    return [
      r.item.number,
      r.item.name,
      r.item.dateText,
      done.join("\n"),
      schoolsWith(execution, r, "inProgress").join("\n"),
      schoolsWith(execution, r, "overdue").length > 0
        ? [run(schoolsWith(execution, r, "overdue").join("\n"), { bold: true })]
        : "",
      shareText(r.share),
    ];
  });
  const block = table(
    [
      { header: "№ п/п", width: 5, align: "center" },
      { header: "Направления деятельности", width: 24 },
      { header: "Дата", width: 9, align: "center" },
      { header: "Выполнили (школа: что сделано)", width: 32 },
      { header: "В работе", width: 13 },
      { header: "Просрочено", width: 13 },
      { header: "Выполнили, %", width: 8, align: "center" },
    ],
    rows,
  );
  blocks.push(fitTableCompact(block, "landscape"));
  blocks.push(...matrixBlocks(execution));
  return {
    title: `${EXECUTION_DOC_NAME} — ${date}`,
    orientation: "landscape",
    draft: options.draft,
    blocks: settlePageBreaks(blocks, "landscape"),
  };
}
