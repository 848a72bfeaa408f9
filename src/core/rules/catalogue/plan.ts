/** PLAN_*: «План-факт» — contents, deviations, quantities, terms, numbering. */
import { quote } from "../../quote.js";
import { ruNumber } from "../../russian.js";
import { ENUMS } from "../../schema.js";
import { formatRuDate } from "../../terms/dates.js";
import { rule, variants } from "./define.js";
import { readerNote } from "./wording.js";

const STATUS_LIST = ENUMS.planStatus.map((s) => `«${s}»`).join(", ");

type RowStatus = { row: number; status: string };

const ACTION_FIX = `Заполните столбец «Управленческие действия»: что сделано, чтобы исправить отклонение.`;

type ChildTerms = {
  number: string;
  row: number;
  term: string;
  parentNumber: string;
  parentRow: number;
  parentTerm: string;
};

const childOutside = (p: ChildTerms, how: string): string =>
  `Подпункт ${quote(p.number)} (строка ${p.row}) со сроком ${quote(p.term)} ${how}, чем ` +
  `свой пункт ${quote(p.parentNumber)} (строка ${p.parentRow}, срок ${quote(p.parentTerm)}). ` +
  `Проверьте сроки: подпункт должен укладываться в срок пункта.`;

export const PLAN_RULES = {
  PLAN_ACTIVITY_MISSING: rule({
    severity: "error",
    title: "Нет запланированного мероприятия",
    description:
      "В строке нет запланированного мероприятия (без него допустима только строка со статусом «Вне плана»).",
    fix: "Заполнить «Мероприятие (план)»; мероприятие, проведённое без плана, отметить статусом «Вне плана».",
    message: (p: { row: number }) =>
      `В строке ${p.row} не указано запланированное мероприятие. Заполните столбец ` +
      `«Мероприятие (план)»; если мероприятие проведено без плана, выберите статус «Вне плана».`,
    example: { row: 7 },
  }),
  PLAN_STATUS_MISSING: rule({
    severity: "error",
    title: "Нет статуса",
    description: "У пункта плана не выбран статус (строка-заголовок с подпунктами статуса не требует).",
    fix: "Выбрать статус из списка в столбце «Статус».",
    message: (p: { row: number }) =>
      `В строке ${p.row} не указан статус. Выберите его в столбце «Статус»: ${STATUS_LIST}.`,
    example: { row: 7 },
  }),
  PLAN_FACT_MISSING: rule({
    severity: "error",
    title: "Нет фактического содержания",
    description: "Статус говорит, что мероприятие проведено или не выполнено, а «Фактическое содержание» пустое.",
    fix: "Описать в «Фактическом содержании», что сделано (или почему не сделано).",
    message: (p: RowStatus) =>
      `В строке ${p.row} статус «${p.status}», но не заполнено фактическое содержание. Опишите в столбце ` +
      `«Фактическое содержание», что сделано${p.status === "Не выполнено" ? " или почему не сделано" : ""}.`,
    example: { row: 7, status: "Выполнено" },
  }),
  PLAN_DEVIATION_REASON_MISSING: variants({
    severity: "error",
    title: "Нет причины отклонения",
    description:
      "Статус — отклонение («Выполнено частично», «Не выполнено», «Перенесено»), а причина не указана или написано «нет».",
    fix: "Указать настоящую причину в столбце «Причины отклонения».",
    message: {
      empty: (p: RowStatus) =>
        `В строке ${p.row} статус «${p.status}», но не указаны ` +
        `причины отклонения. Заполните столбец «Причины отклонения».`,
      saysNone: (p: RowStatus & { reason: string }) =>
        `В строке ${p.row} статус «${p.status}», а в причинах отклонения написано ${quote(p.reason)}. ` +
        `Укажите настоящую причину отклонения в столбце «Причины отклонения».`,
    },
    example: { variant: "empty", params: { row: 7, status: "Выполнено частично" } },
  }),
  PLAN_DEVIATION_ACTION_MISSING: variants({
    severity: "error",
    title: "Нет управленческих действий",
    description: "Статус — отклонение, а управленческие действия не указаны или написано «нет».",
    fix: "Заполнить «Управленческие действия»: что сделано, чтобы исправить отклонение.",
    message: {
      empty: (p: RowStatus) =>
        `В строке ${p.row} статус «${p.status}», но не указаны управленческие действия. ${ACTION_FIX}`,
      saysNone: (p: RowStatus & { action: string }) =>
        `В строке ${p.row} статус «${p.status}», а управленческие действия не указаны (${quote(p.action)}). ` +
        ACTION_FIX,
    },
    example: { variant: "empty", params: { row: 7, status: "Перенесено" } },
  }),
  PLAN_REASON_WITHOUT_DEVIATION: rule({
    severity: "warning",
    title: "Причина отклонения при статусе «Выполнено»",
    description: "Статус «Выполнено», а в «Причинах отклонения» описано отклонение.",
    fix: "Поставить статус «Выполнено частично» или очистить причину.",
    message: (p: { row: number; reason: string }) =>
      `В строке ${p.row} статус «Выполнено», но в столбце «Причины отклонения» ` +
      `описано отклонение: ${quote(p.reason)}. Если мероприятие выполнено не ` +
      `полностью, укажите статус «Выполнено частично»; иначе очистите причину.`,
    example: { row: 7, reason: "Провели одно занятие из трёх" },
  }),
  PLAN_QTY_INVALID: rule({
    severity: "error",
    title: "Количество не число",
    description: "Плановое или фактическое количество не читается как неотрицательное число.",
    fix: "Указать число, например 7.",
    message: (p: { row: number; header: string; value: string; reason: string | null }) =>
      `В строке ${p.row} в столбце «${p.header}» значение ${quote(p.value)} ` +
      `не подходит${readerNote(p.reason)}. Укажите неотрицательное число, например 7.`,
    example: { row: 7, header: "Кол-во (план)", value: "много", reason: null },
  }),
  PLAN_STATUS_QTY_MISMATCH: variants({
    severity: "warning",
    title: "Количество противоречит статусу",
    description:
      "Фактическое количество противоречит статусу: «Выполнено» при недоборе, «Выполнено частично» при нуле, отклонение при полном выполнении.",
    fix: "Исправить статус или количество.",
    message: {
      doneShort: (p: { row: number; done: number; planned: number }) =>
        `В строке ${p.row} проведено ${ruNumber(p.done)} из ${ruNumber(p.planned)} запланированных, а статус ` +
        `«Выполнено». Укажите статус «Выполнено частично» с причиной отклонения или исправьте количество.`,
      partlyNone: (p: { row: number }) =>
        `В строке ${p.row} статус «Выполнено частично», но по факту проведено ` +
        `0. Если ничего не проведено, укажите «Не выполнено» или «Перенесено».`,
      deviationFull: (p: RowStatus & { done: number; planned: number }) =>
        `В строке ${p.row} проведено ${ruNumber(p.done)} из ${ruNumber(p.planned)} запланированных, ` +
        `а статус «${p.status}». Проверьте статус или количество.`,
    },
    example: { variant: "doneShort", params: { row: 7, done: 2, planned: 3 } },
  }),
  PLAN_OVERDUE: variants({
    severity: "warning",
    title: "Срок прошёл, а мероприятие не завершено",
    description: "Срок пункта закончился до даты отчёта, а статус всё ещё «В работе» или статуса и факта нет.",
    fix: "Указать итог: «Выполнено», «Выполнено частично», «Не выполнено» или «Перенесено», и описать факт.",
    message: {
      inWork: (p: { row: number; term: string; end: string; reportDate: string }) =>
        `В строке ${p.row} срок ${quote(p.term)} закончился ${formatRuDate(p.end)}, ` +
        `а статус всё ещё «В работе» (дата отчёта ${formatRuDate(p.reportDate)}). ` +
        `Укажите итог: «Выполнено», «Выполнено частично», «Не выполнено» или «Перенесено».`,
      noFact: (p: { row: number; term: string; end: string }) =>
        `В строке ${p.row} срок ${quote(p.term)} закончился ${formatRuDate(p.end)}, ` +
        `а фактическое содержание не заполнено. Опишите, что сделано, и укажите статус.`,
    },
    example: {
      variant: "inWork",
      params: { row: 7, term: "Март 2022", end: "2022-03-31", reportDate: "2022-12-20" },
    },
  }),
  PLAN_NUMBER_DUPLICATE: rule({
    severity: "error",
    title: "Повтор номера",
    description: "Номер пункта уже встречался выше в плане.",
    fix: "Исправить нумерацию: у каждого пункта свой номер.",
    message: (p: { number: string; row: number; firstRow: number }) =>
      `Номер ${quote(p.number)} в строке ${p.row} уже есть в ` +
      `строке ${p.firstRow}. Исправьте нумерацию: у каждого пункта свой номер.`,
    example: { number: "2.1", row: 9, firstRow: 6 },
  }),
  PLAN_NUMBER_PARENT_MISSING: rule({
    severity: "warning",
    title: "Нет родительского пункта",
    description: "Есть подпункт (например, 3.2), а пункта, в который он входит (3), в плане нет.",
    fix: "Добавить строку родительского пункта или исправить номер.",
    message: (p: { number: string; row: number; parent: string }) =>
      `Пункт ${quote(p.number)} в строке ${p.row} есть, а пункта ` +
      `«${p.parent}» нет. Добавьте строку «${p.parent}» или исправьте номер.`,
    example: { number: "3.2", row: 11, parent: "3" },
  }),
  PLAN_CHILD_OUTSIDE_PARENT: variants({
    severity: "warning",
    title: "Подпункт вне срока родительского пункта",
    description:
      "Подпункт начинается раньше своего пункта или заканчивается больше чем на квартал позже него (итоговые работы после срока пункта обычны).",
    fix: "Проверить сроки: подпункт должен укладываться в срок пункта.",
    message: {
      early: (p: ChildTerms) => childOutside(p, "начинается раньше"),
      late: (p: ChildTerms) => childOutside(p, "заканчивается намного позже"),
    },
    example: {
      variant: "early",
      params: {
        number: "2.1",
        row: 6,
        term: "Январь 2022",
        parentNumber: "2",
        parentRow: 5,
        parentTerm: "Март – май 2022",
      },
    },
  }),
  PLAN_TASK_UNKNOWN: rule({
    severity: "warning",
    title: "Неизвестный номер задачи",
    description: "«Задача №» ссылается на задачу, которой нет на вкладке «Задачи» (ни по номеру, ни по порядку).",
    fix: "Исправить номер задачи.",
    message: (p: { row: number; task: string; tab: string; known: string }) =>
      `В строке ${p.row} указана задача ${quote(p.task)}, а на вкладке ` +
      `«${p.tab}» такой нет (есть: ${p.known}). Исправьте номер задачи.`,
    example: { row: 7, task: "5", tab: "Задачи", known: "1, 2, 3" },
  }),
  PLAN_OUTSIDE_STAGE: rule({
    severity: "warning",
    title: "Срок вне этапов проекта",
    description: "Срок пункта не попадает ни в один этап проекта с вкладки «Этапы».",
    fix: "Проверить срок пункта или сроки этапов.",
    message: (p: { row: number; term: string; dates: string }) =>
      `В строке ${p.row} срок ${quote(p.term)} (${p.dates}) не попадает ` +
      `ни в один этап проекта. Проверьте срок или сроки этапов на вкладке «Этапы».`,
    example: { row: 7, term: "Июнь 2024", dates: "01.06.2024 – 30.06.2024" },
  }),
  PLAN_RESPONSIBLE_MISSING: rule({
    severity: "warning",
    title: "Нет ответственного",
    description: "У пункта плана не указан ответственный (строке-заголовку он не нужен).",
    fix: "Заполнить столбец «Ответственный».",
    message: (p: { row: number }) => `В строке ${p.row} не указан ответственный. Заполните столбец «Ответственный».`,
    example: { row: 7 },
  }),
};
