/** PART_*: participant counts, the declared total, the training percentages. */
import { quote } from "../../quote.js";
import { rule, variants } from "./define.js";
import { readerNote } from "./wording.js";

export const PARTICIPANTS_RULES = {
  PART_COUNT_INVALID: variants({
    severity: "error",
    title: "Количество не целое неотрицательное число",
    description:
      "Количество участников или педагогов пусто или не читается как целое неотрицательное число; заявленное общее число не читается.",
    fix: "Указать целое число, например 12 (общее число — также «>N», например >1000).",
    message: {
      empty: (p: { row: number }) =>
        `В строке ${p.row} не указано количество. Заполните столбец «Количество» целым числом, например 12.`,
      participants: (p: { row: number; value: string; reason: string | null }) =>
        `В строке ${p.row} количество ${quote(p.value)} не целое ` +
        `неотрицательное число${readerNote(p.reason)}. Укажите число, например 12.`,
      teachers: (p: { row: number; value: string; reason: string | null }) =>
        `В строке ${p.row} количество педагогов ${quote(p.value)} не целое ` +
        `неотрицательное число${readerNote(p.reason)}. Укажите число, например 3.`,
      declared: (p: { label: string; value: string; reason: string | null }) =>
        `В поле «${p.label}» значение ${quote(p.value)} не читается как ` +
        `число${readerNote(p.reason)}. Укажите целое число или «>N», например 135 или >1000.`,
    },
    example: { variant: "participants", params: { row: 3, value: "двенадцать с половиной", reason: null } },
  }),
  PART_COUNT_TEXT: rule({
    severity: "info",
    title: "Количество записано текстом",
    description: "Количество записано текстом («7 чел.»): оно прочитано и учтено.",
    fix: "Можно оставить так или записать просто число.",
    message: (p: { row: number; value: string; count: number }) =>
      `В строке ${p.row} количество ${quote(p.value)} записано текстом; ` +
      `прочитано как ${p.count}. Можно оставить так или записать просто число.`,
    example: { row: 3, value: "7 чел.", count: 7 },
  }),
  PART_TOTAL_MISMATCH: variants({
    severity: "error",
    title: "Общее число участников не совпадает с суммой",
    description:
      "Заявленное на вкладке «Общие сведения» число участников не равно сумме по категориям (а «>N» — не меньше или больше её).",
    fix: "Исправить заявленное число или количества по категориям.",
    message: {
      exact: (p: { label: string; declared: number; tab: string; total: number }) =>
        `${p.label}: ${p.declared}, а сумма по категориям на вкладке «${p.tab}» ` +
        `— ${p.total}. Исправьте заявленное число или количества по категориям.`,
      atLeast: (p: { label: string; written: string; tab: string; total: number; strict: boolean; bound: number }) =>
        `${p.label}: ${quote(p.written)}, а на вкладке «${p.tab}» ` +
        `всего ${p.total}. Сумма должна быть ${p.strict ? "больше" : "не меньше"} ${p.bound}: ` +
        `исправьте заявленное число или количества по категориям.`,
    },
    example: {
      variant: "exact",
      params: { label: "Общее число участников (заявлено)", declared: 135, tab: "Участники", total: 128 },
    },
  }),
  PART_CATEGORY_DUPLICATE: rule({
    severity: "warning",
    title: "Категория указана дважды",
    description: "Категория участников уже есть выше (кроме «Иное», которое может повторяться).",
    fix: "Сложить количества в одну строку.",
    message: (p: { category: string; row: number; firstRow: number }) =>
      `Категория ${quote(p.category)} в строке ${p.row} уже есть ` +
      `в строке ${p.firstRow}. Сложите количества в одну строку.`,
    example: { category: "Педагоги", row: 5, firstRow: 2 },
  }),
  PART_TRAINING_PERCENT_MISMATCH: variants({
    severity: "warning",
    title: "Процент педагогов не сходится",
    description:
      "Процент педагогов, прошедших обучение, не читается или расходится больше чем на 1 пункт с количеством, делённым на число педагогов на вкладке «Участники».",
    fix: "Исправить процент или количество.",
    message: {
      unreadable: (p: { row: number; value: string }) =>
        `В строке ${p.row} процент ${quote(p.value)} не ` + `читается как число. Укажите процент, например 25 или 25%.`,
      differs: (p: { row: number; value: string; count: number; teachers: number; tab: string; percent: number }) =>
        `В строке ${p.row} указано ${quote(p.value)}, а ${p.count} из ${p.teachers} педагогов (вкладка ` +
        `«${p.tab}») — это ${String(p.percent).replace(".", ",")}%. Исправьте процент или количество.`,
    },
    example: {
      variant: "differs",
      params: { row: 2, value: "50%", count: 3, teachers: 12, tab: "Участники", percent: 25 },
    },
  }),
};
