/** GEN_*, FORM_*: «Общие сведения», the conclusion and the report form's required items. */
import { quote } from "../../quote.js";
import { countWithNoun } from "../../russian.js";
import { rule, variants } from "./define.js";

const SIGNS = ["знак", "знака", "знаков"] as const;

export const GENERAL_RULES = {
  GEN_REQUIRED: variants({
    severity: "error",
    title: "Не заполнено обязательное поле",
    description: "Обязательное поле вкладки «Общие сведения» пустое или его строки нет на вкладке.",
    fix: "Заполнить поле в столбце B; пропавшую строку вернёт «Создать / обновить шаблон».",
    message: {
      empty: (p: { label: string; row: number; hint: string }) =>
        `Не заполнено обязательное поле «${p.label}» (ячейка B${p.row}). ${p.hint}.`,
      noRow: (p: { label: string }) =>
        `На вкладке «Общие сведения» нет строки «${p.label}». Добавьте ` +
        `её (или выполните «Создать / обновить шаблон») и заполните значение.`,
    },
    example: {
      variant: "empty",
      params: { label: "Тема", row: 20, hint: "Тема инновационной образовательной деятельности" },
    },
  }),
  GEN_PERIOD_INVALID: rule({
    severity: "error",
    title: "Не читается отчётный период",
    description: "Отчётный период не читается как год, учебный год или диапазон дат; без него не проверить сроки.",
    fix: "Записать период как «2022», «2019-2020 учебный год» или «01.09.2020-31.08.2021».",
    message: (p: { value: string }) =>
      `Отчётный период ${quote(p.value)} не читается. Запишите его так: ` +
      `«2022», «2019-2020 учебный год» или «01.09.2020-31.08.2021».`,
    example: { value: "двадцать второй" },
  }),
  GEN_EMAIL_INVALID: rule({
    severity: "warning",
    title: "Неверный адрес электронной почты",
    description: "Один из адресов в поле «Электронная почта» записан с ошибкой.",
    fix: "Исправить адрес; несколько адресов разделять запятой или точкой с запятой.",
    message: (p: { address: string }) =>
      `Адрес электронной почты ${quote(p.address)} записан с ошибкой. Исправьте его, например: school4@example.ru.`,
    example: { address: "centr@@obr" },
  }),
  GEN_URL_INVALID: rule({
    severity: "warning",
    title: "Неверный адрес сайта",
    description: "Адрес сайта не похож на ссылку (с «https://» или без).",
    fix: "Указать адрес сайта, например https://school4.example.ru.",
    message: (p: { value: string }) =>
      `Адрес сайта ${quote(p.value)} не похож на ссылку. Укажите адрес сайта, например: https://school4.example.ru.`,
    example: { value: "сайт школы" },
  }),
  GEN_CONCLUSION_TOO_LONG: rule({
    severity: "error",
    title: "Общий вывод длиннее 2000 знаков",
    description: "«Общий вывод» длиннее, чем допускает форма отчёта (2000 знаков).",
    fix: "Сократить текст до 2000 знаков.",
    message: (p: { label: string; text: string; limit: number }) =>
      `Поле «${p.label}» содержит ${countWithNoun(p.text.length, SIGNS)}, а форма ` +
      `допускает не больше ${p.limit}. Сократите текст ` +
      `на ${countWithNoun(p.text.length - p.limit, SIGNS)} (начало: ${quote(p.text, 40)}).`,
    example: { label: "Общий вывод", text: "Проект выполнен. ".repeat(118), limit: 2000 },
  }),
  GEN_FINAL_EMPTY_CONCLUSION: rule({
    severity: "error",
    title: "В итоговом отчёте нет общего вывода",
    description: "Отчёт итоговый, а «Общий вывод» на вкладке «Выводы» пуст.",
    fix: "Написать общий вывод (не более 2000 знаков).",
    message: (p: { label: string; tab: string; limit: number }) =>
      `Отчёт итоговый, а поле «${p.label}» на вкладке «${p.tab}» ` +
      `пустое. Напишите общий вывод (не более ${p.limit} знаков).`,
    example: { label: "Общий вывод", tab: "Выводы", limit: 2000 },
  }),
  FORM_ITEM_EMPTY: variants({
    severity: "error",
    title: "Не заполнен обязательный пункт формы",
    description:
      "В итоговом отчёте пуст пункт, который выбранная форма отчёта («Форма отчёта» на вкладке «Настройки») требует заполнить.",
    fix: "Заполнить поле (или хотя бы одно из полей) пункта на вкладке «Выводы».",
    message: {
      one: (p: { item: string; form: string; field: string; tab: string }) =>
        `Пункт «${p.item}» формы «${p.form}» в итоговом отчёте обязателен, а ` +
        `поле ${p.field} на вкладке «${p.tab}» пустое. Заполните его.`,
      several: (p: { item: string; form: string; fields: string; tab: string }) =>
        `Пункт «${p.item}» формы «${p.form}» в итоговом отчёте обязателен, а ` +
        `поля ${p.fields} на вкладке «${p.tab}» пустые. Заполните хотя бы одно.`,
    },
    example: {
      variant: "one",
      params: {
        item: "5.1. Срок действия МИП",
        form: "Кировский район Ленинградской области",
        field: "«Продление статуса МИП (обоснование)»",
        tab: "Выводы",
      },
    },
  }),
};
