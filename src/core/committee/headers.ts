/**
 * The committee tabs (docs/COMMITTEE.md, a contract): titles and headers exactly as specified.
 * Extra service columns live to the right of the contract columns, as the spec allows.
 */

export const REGISTRY_TITLE = "Реестр";
export const SUMMARY_TITLE = "Свод";

export const REGISTRY_HEADERS = ["Организация", "Ссылка на таблицу МИП", "Ответственный", "Электронная почта"] as const;

export const SUMMARY_HEADERS = [
  "Организация",
  "Ссылка",
  "Вид отчёта",
  "Заполнено, %",
  "Ошибки",
  "Предупреждения",
  "Выполнение плана, %",
  "Отклонений",
  "Наставнических пар",
  "Наставников",
  "Наставляемых",
  "Участников",
  "Мероприятий (распространение)",
  "Отчёт",
  "Обновлено",
  "Состояние",
] as const;

/**
 * Service columns after «Состояние» (hidden in Sheets): the workbook id and its last-modified
 * time let a refresh skip unchanged workbooks; the digest (JSON) feeds the справка without
 * re-opening every school. They are written in the same setValues as the visible row, so a
 * row and its service data can never disagree.
 */
export const SUMMARY_SERVICE_HEADERS = ["ID таблицы", "Изменена", "Данные для справки"] as const;

export const SUMMARY_ALL_HEADERS = [...SUMMARY_HEADERS, ...SUMMARY_SERVICE_HEADERS] as const;

/** 0-based column of a Свод header. */
export function summaryColumn(header: (typeof SUMMARY_ALL_HEADERS)[number]): number {
  return SUMMARY_ALL_HEADERS.indexOf(header);
}

/** Column widths in characters (xlsx); Sheets derives pixels from them. */
export const SUMMARY_WIDTHS: readonly number[] = [
  34, 30, 14, 10, 9, 12, 12, 11, 12, 12, 13, 11, 14, 24, 17, 28, 20, 22, 20,
];
export const REGISTRY_WIDTHS: readonly number[] = [40, 60, 30, 30];
