/** MON_*, REC_*, SPR_*: the tabs the committee's справка reads — monitoring, recommendations, the signer. */
import { quote } from "../../quote.js";
import { rule, variants } from "./define.js";
import { readerNote } from "./wording.js";

/** « показателя «…»» when the row names its indicator. */
const ofIndicator = (indicator: string): string => (indicator === "" ? "" : ` показателя ${quote(indicator, 60)}`);

/** « у рекомендации «…»» when the row has its text. */
const ofRecommendation = (text: string): string => (text === "" ? "" : ` у рекомендации ${quote(text, 60)}`);

type MonitoringCell = { row: number; indicator: string; header: string };
type RecommendationCell = { row: number; text: string; header: string };

export const SPRAVKA_RULES = {
  MON_INDICATOR_MISSING: rule({
    severity: "error",
    title: "Нет показателя мониторинга",
    description: "В строке «Мониторинга» есть значение, но не указан показатель.",
    fix: "Заполнить показатель, например «Удовлетворённость совместной работой».",
    message: (p: { row: number; header: string }) =>
      `В строке ${p.row} есть значение мониторинга, но не указан показатель. Заполните столбец ` +
      `«${p.header}», например «Удовлетворённость совместной работой».`,
    example: { row: 3, header: "Показатель" },
  }),
  MON_GROUP_MISSING: rule({
    severity: "warning",
    title: "Не указана группа школ",
    description: "У показателя мониторинга не указана группа школ; от неё зависит раздел справки.",
    fix: "Выбрать группу: «Школы с НОР», «Школы-лидеры», «Методические службы» или «Все участники».",
    message: (p: MonitoringCell) =>
      `В строке ${p.row} не указана группа школ${ofIndicator(p.indicator)}. Выберите в столбце «${p.header}» «Школы ` +
      `с НОР», «Школы-лидеры», «Методические службы» или «Все участники» — от этого зависит раздел справки.`,
    example: { row: 3, indicator: "Удовлетворённость совместной работой", header: "Группа школ" },
  }),
  MON_VALUE_INVALID: variants({
    severity: "error",
    title: "Значение мониторинга не число",
    description: "Значение показателя мониторинга не указано или не читается как число.",
    fix: "Вписать число, например 3,67.",
    message: {
      empty: (p: MonitoringCell) =>
        `В строке ${p.row} не указано значение${ofIndicator(p.indicator)}. Впишите в столбец ` +
        `«${p.header}» число, например 3,67.`,
      unreadable: (p: { row: number; indicator: string; value: string; reason: string | null }) =>
        `В строке ${p.row} значение ${quote(p.value)}${ofIndicator(p.indicator)} не читается как ` +
        `число${readerNote(p.reason)}. Впишите число, например 3,67.`,
    },
    example: {
      variant: "unreadable",
      params: { row: 3, indicator: "Удовлетворённость совместной работой", value: "высокая", reason: null },
    },
  }),
  MON_SCALE_INVALID: variants({
    severity: "error",
    title: "Не указан или не читается максимум шкалы",
    description: "Максимум шкалы показателя не указан или не читается как положительное число.",
    fix: "Вписать наибольшее возможное значение: 5 для пятибалльной шкалы, 100 для баллов из ста.",
    message: {
      empty: (p: MonitoringCell) =>
        `В строке ${p.row} не указан максимум шкалы${ofIndicator(p.indicator)}. Впишите в столбец «${p.header}» ` +
        `наибольшее возможное значение: 5 для пятибалльной шкалы, 100 для баллов из ста.`,
      unreadable: (p: { row: number; indicator: string; value: string; reason: string | null }) =>
        `В строке ${p.row} максимум шкалы ${quote(p.value)}${ofIndicator(p.indicator)} не читается как положительное ` +
        `число${readerNote(p.reason)}. Впишите наибольшее возможное значение, например 5.`,
    },
    example: { variant: "empty", params: { row: 3, indicator: "", header: "Шкала (максимум)" } },
  }),
  MON_ABOVE_SCALE: rule({
    severity: "error",
    title: "Значение больше максимума шкалы",
    description: "Значение показателя больше максимума его шкалы.",
    fix: "Проверить значение или шкалу.",
    message: (p: { row: number; indicator: string; value: string; scale: string }) =>
      `В строке ${p.row} значение ${quote(p.value)}${ofIndicator(p.indicator)} больше максимума ` +
      `шкалы ${quote(p.scale)}. Проверьте значение или шкалу: оценка не может быть выше максимальной.`,
    example: { row: 3, indicator: "Удовлетворённость совместной работой", value: "6,2", scale: "5" },
  }),
  REC_ADDRESSEE_MISSING: rule({
    severity: "error",
    title: "У рекомендации нет адресата",
    description: "У рекомендации не указано, кому она адресована.",
    fix: "Заполнить адресата, например «Руководителям общеобразовательных учреждений».",
    message: (p: RecommendationCell) =>
      `В строке ${p.row}${ofRecommendation(p.text)} не указан адресат. Заполните столбец «${p.header}»: ` +
      `кому она адресована, например «Руководителям общеобразовательных учреждений».`,
    example: { row: 2, text: "Провести открытые уроки для школ сети", header: "Адресат" },
  }),
  REC_TEXT_MISSING: rule({
    severity: "error",
    title: "Нет текста рекомендации",
    description: "В строке рекомендаций нет самой рекомендации.",
    fix: "Написать, что рекомендуется сделать, или удалить строку.",
    message: (p: { row: number; header: string }) =>
      `В строке ${p.row} не заполнен столбец «${p.header}». ` +
      `Напишите, что рекомендуется сделать, или удалите строку.`,
    example: { row: 2, header: "Рекомендация" },
  }),
  REC_DEADLINE_MISSING: rule({
    severity: "warning",
    title: "Нет срока рекомендации",
    description: "У рекомендации не указан срок.",
    fix: "Указать срок: «до 15.09.2023», «01.09.2023» или «постоянно».",
    message: (p: RecommendationCell) =>
      `В строке ${p.row}${ofRecommendation(p.text)} не указан срок. Заполните столбец ` +
      `«${p.header}»: «до 15.09.2023», «01.09.2023» или «постоянно».`,
    example: { row: 2, text: "Провести открытые уроки для школ сети", header: "Срок" },
  }),
  REC_DEADLINE_INVALID: rule({
    severity: "error",
    title: "Срок рекомендации не читается как дата",
    description: "Срок рекомендации не читается как дата или срок.",
    fix: "Записать срок как «до 15.09.2023», «01.09.2023», «сентябрь 2023» или «постоянно».",
    message: (p: { row: number; deadline: string; text: string }) =>
      `В строке ${p.row} срок ${quote(p.deadline)}${ofRecommendation(p.text)} не читается как дата или срок. Запишите ` +
      `его так: «до 15.09.2023», «01.09.2023», «сентябрь 2023» или «постоянно».`,
    example: { row: 2, deadline: "к осени", text: "Провести открытые уроки для школ сети" },
  }),
  SPR_SIGNER_INCOMPLETE: rule({
    severity: "warning",
    title: "Подписывающий справку указан не полностью",
    description: "У подписывающего справку указана только должность или только ФИО.",
    fix: "Заполнить оба поля или очистить оба.",
    message: (p: { filled: string; label: string }) =>
      `Подписывающий справку указан не полностью: есть ${quote(p.filled)}, но не заполнено ` +
      `поле «${p.label}». Заполните оба поля или очистите оба.`,
    example: { filled: "Начальник отдела образования", label: "ФИО подписывающего" },
  }),
};
