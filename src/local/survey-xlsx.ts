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

/**
 * A drop-down written inline (xlsx-write.ts joins the values with commas): Excel splits such a list
 * at every comma and keeps at most 255 characters of it, so a list with a comma inside an option
 * («Скорее да, чем нет») or a long one gets none — the questionnaire sheet names the options, and
 * the reader checks every answer anyway.
 */
const listable = (values: readonly string[]): boolean =>
  values.length > 0 && values.every((v) => !v.includes(",")) && values.join(",").length <= 255;

/** `organisations`: the group's names from the project's «Организации» (empty: typed by hand). */
function answersSheet(set: QuestionSet, organisations: readonly string[]): SheetSpec {
  const dropdowns = set.questions.flatMap((q, i) => {
    const values =
      q.kind === "organisation"
        ? organisations
        : (q.kind === "one" || q.kind === "agreement") && q.options
          ? q.options
          : q.kind === "score"
            ? ["1", "2", "3", "4", "5"]
            : [];
    return listable(values) ? [{ column: i + 1, fromRow: 2, toRow: ANSWER_ROWS, values }] : [];
  });
  return {
    title: `Ответы — ${GROUP_TITLES[set.group]}`,
    rows: [[TIMESTAMP_TITLE, ...set.questions.map((q) => q.title)]],
    widths: [20, ...set.questions.map(() => 30)],
    dropdowns,
    wrap: true,
  };
}

/** `organisations(set)`: the drop-down of the organisation column (the project's list when one is given). */
export function surveyWorkbook(organisations: (set: QuestionSet) => readonly string[] = () => []): Promise<Buffer> {
  return writeSheets(QUESTION_SETS.flatMap((set) => [questionnaireSheet(set), answersSheet(set, organisations(set))]));
}
