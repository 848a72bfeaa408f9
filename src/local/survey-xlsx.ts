/**
 * `mip survey`'s workbook: per group the questionnaire (question, kind, options, справка item)
 * and an answers sheet in Google Forms' layout — «Отметка времени», then one column per
 * question — with drop-downs for the answers that have options, so a project that collects
 * answers another way fills it in and passes it to `mip spravka --survey`.
 */
import { kindInWords, optionsInWords } from "../core/survey/describe.js";
import { QUESTION_SETS, type QuestionSet, TIMESTAMP_TITLE } from "../core/survey/questions.js";
import type { SheetSpec } from "./xlsx-write.js";
import { writeSheets } from "./xlsx-write.js";

const GROUP_TITLES = { low: "школы с НОР", leaders: "школы-лидеры" } as const;
/** Rows of the answers sheet that get the drop-downs. */
const ANSWER_ROWS = 200;

function questionnaireSheet(set: QuestionSet): SheetSpec {
  return {
    title: `Анкета — ${GROUP_TITLES[set.group]}`,
    rows: [
      ["№", "Вопрос", "Вид ответа", "Варианты ответа", "Пункт справки", "Обязательный"],
      ...set.questions.map((q, i) => [
        i + 1,
        q.title,
        kindInWords(q),
        optionsInWords(q),
        q.feeds ?? "",
        q.required ? "да" : "нет",
      ]),
    ],
    widths: [5, 60, 28, 60, 14, 14],
    wrap: true,
  };
}

function answersSheet(set: QuestionSet): SheetSpec {
  const dropdowns = set.questions.flatMap((q, i) =>
    (q.kind === "one" || q.kind === "agreement") && q.options
      ? [{ column: i + 1, fromRow: 2, toRow: ANSWER_ROWS, values: q.options }]
      : q.kind === "score"
        ? [{ column: i + 1, fromRow: 2, toRow: ANSWER_ROWS, values: ["1", "2", "3", "4", "5"] }]
        : [],
  );
  return {
    title: `Ответы — ${GROUP_TITLES[set.group]}`,
    rows: [[TIMESTAMP_TITLE, ...set.questions.map((q) => q.title)]],
    widths: [20, ...set.questions.map(() => 30)],
    dropdowns,
    wrap: true,
  };
}

export function surveyWorkbook(): Promise<Buffer> {
  return writeSheets(QUESTION_SETS.flatMap((set) => [questionnaireSheet(set), answersSheet(set)]));
}
