/** ROADMAP_*: the committee's roadmap («Дорожная карта», «Распоряжение») and a school's links to its items. */
import { quote } from "../../quote.js";
import { formatRuDate } from "../../terms/dates.js";
import { rule, variants } from "./define.js";

/** «Пункт «8.1» (строка 12)». */
const item = (p: { number: string; row: number }): string => `Пункт ${quote(p.number)} (строка ${p.row})`;

type ItemColumn = { number: string; row: number; header: string; what: string };

/** One wording for every column an item must have: the docs example and the message say which. */
const columnEmpty = (p: ItemColumn): string =>
  `${item(p)}: не заполнен столбец «${p.header}». ` + `В распоряжении у каждого пункта есть ${p.what}.`;

type ItemDate = { number: string; row: number; date: string };

type ChildDates = ItemDate & { parentNumber: string; parentRow: number; parentDate: string };

const childOutside = (p: ChildDates, how: string): string =>
  `Подпункт ${quote(p.number)} (строка ${p.row}) с датой ${quote(p.date)} ` +
  `${how}, чем свой пункт ` +
  `${quote(p.parentNumber)} (строка ${p.parentRow}, дата ${quote(p.parentDate)}). ` +
  `Проверьте даты: подпункт выполняется в рамках своего направления.`;

const VAGUE_ADVICE = "Укажите, когда пункт выполняется (например 03.03-10.03), чтобы школы и комитет видели срок.";

export const ROADMAP_RULES = {
  ROADMAP_EMPTY: rule({
    severity: "error",
    title: "В дорожной карте нет пунктов",
    description: "На вкладке «Дорожная карта» нет ни одного пункта под строкой заголовков.",
    fix: "Заполнить пункты под строкой заголовков.",
    message: (p: { tab: string }) =>
      `На вкладке «${p.tab}» нет ни одного пункта. Заполните пункты под строкой заголовков.`,
    example: { tab: "Дорожная карта" },
  }),
  ROADMAP_NUMBER_INVALID: rule({
    severity: "error",
    title: "Номер пункта не читается",
    description: "Номер пункта не записан цифрами через точку (1, 8.1, 8.1.2).",
    fix: "Записать номер цифрами через точку.",
    message: (p: { row: number; number: string }) =>
      `В строке ${p.row} номер ${quote(p.number)} — не номер пункта. ` +
      `Пишите номер цифрами через точку: 1, 8.1, 8.1.2.`,
    example: { row: 5, number: "8-1" },
  }),
  ROADMAP_NUMBER_DUPLICATE: rule({
    severity: "error",
    title: "Номер пункта повторяется",
    description: "Номер пункта уже есть выше; школы ссылаются на пункты по номеру.",
    fix: "Дать каждому пункту свой номер.",
    message: (p: { number: string; row: number; firstRow: number }) =>
      `Номер ${quote(p.number)} в строке ${p.row} уже есть в строке ${p.firstRow}. ` +
      `У каждого пункта дорожной карты свой номер: школы ссылаются на него.`,
    example: { number: "8.1", row: 14, firstRow: 12 },
  }),
  ROADMAP_NUMBER_GAP: variants({
    severity: "warning",
    title: "Пропуск в нумерации пунктов",
    description: "У подпункта нет своего направления (8.1 без 8) или нумерация пропускает номер (8.3 без 8.2).",
    fix: "Добавить пропущенный пункт или исправить номера по порядку.",
    message: {
      noParent: (p: { number: string; row: number; parent: string }) =>
        `У подпункта ${quote(p.number)} (строка ${p.row}) нет пункта ${quote(p.parent)}. ` +
        `Добавьте направление ${p.parent} или исправьте номер.`,
      skipped: (p: { number: string; row: number; before: string }) =>
        `Перед пунктом ${quote(p.number)} (строка ${p.row}) нет пункта ${quote(p.before)}: ` +
        `нумерация пропускает номер. Исправьте номера по порядку.`,
    },
    example: { variant: "skipped", params: { number: "8.3", row: 15, before: "8.2" } },
  }),
  ROADMAP_NUMBER_ORDER: rule({
    severity: "warning",
    title: "Пункты не по порядку",
    description: "Пункт стоит после пункта с большим номером.",
    fix: "Расположить пункты по порядку номеров — так их печатает распоряжение.",
    message: (p: { number: string; row: number; previous: string }) =>
      `Пункт ${quote(p.number)} (строка ${p.row}) стоит после пункта ${quote(p.previous)}. ` +
      `Расположите пункты по порядку номеров — так их печатает распоряжение.`,
    example: { number: "8.1", row: 15, previous: "8.2" },
  }),
  ROADMAP_NUMBER_MISSING: variants({
    severity: "warning",
    title: "Строка без номера пункта",
    description:
      "В строке нет номера пункта: её текст добавлен к пункту выше (пункт разбит на строки или ячейки объединены) или пунктов выше нет.",
    fix: "Перенести текст в строку пункта и удалить лишнюю строку (или поставить номер).",
    message: {
      continuation: (p: { row: number; number: string; itemRow: number }) =>
        `В строке ${p.row} нет номера пункта: её текст добавлен к пункту ${quote(p.number)} ` +
        `(строка ${p.itemRow}) — так бывает, когда пункт разбит на две строки или ячейки объединены. ` +
        `Перенесите текст в строку пункта и удалите эту строку.`,
      orphan: (p: { row: number }) =>
        `В строке ${p.row} нет номера пункта, а пунктов выше нет. Поставьте номер или удалите строку.`,
    },
    example: { variant: "continuation", params: { row: 13, number: "8.1", itemRow: 12 } },
  }),
  ROADMAP_NAME_MISSING: rule({
    severity: "error",
    title: "Нет направления деятельности",
    description: "У пункта не заполнено направление деятельности.",
    fix: "Заполнить столбец направления деятельности.",
    message: columnEmpty,
    example: { number: "8.1", row: 12, header: "Направления деятельности", what: "направление деятельности" },
  }),
  ROADMAP_DATE_MISSING: rule({
    severity: "error",
    title: "Нет даты пункта",
    description: "У пункта не заполнена дата.",
    fix: "Указать дату, как в распоряжении: 24.02, 03.03-10.03, Апрель, май.",
    message: columnEmpty,
    example: { number: "8.1", row: 12, header: "Дата", what: "дата" },
  }),
  ROADMAP_DATE_INVALID: rule({
    severity: "error",
    title: "Дата пункта не читается",
    description: "Дата пункта не читается как дата или срок.",
    fix: "Писать, как в распоряжении: 24.02, 03.03-10.03, Апрель, май, Ноябрь 15.11, 17.11.",
    message: (p: ItemDate & { problem: string }) =>
      `${item(p)}: дата ${quote(p.date)} не читается (${p.problem}). ` +
      `Пишите, как в распоряжении: 24.02, 03.03-10.03, Апрель, май, Ноябрь 15.11, 17.11.`,
    example: { number: "8.1", row: 12, date: "в течении", problem: "нет ни даты, ни месяца" },
  }),
  ROADMAP_DATE_VAGUE: variants({
    severity: "warning",
    title: "Дата пункта без начала или на весь год",
    description: "Дата пункта — только крайний срок, срок без окончания или весь год, а не когда пункт выполняется.",
    fix: "Указать, когда пункт выполняется, например 03.03-10.03.",
    message: {
      deadline: (p: ItemDate & { end: string }) =>
        `${item(p)}: дата ${quote(p.date)} — это только крайний срок (${formatRuDate(p.end)}), без начала. ` +
        VAGUE_ADVICE,
      ongoing: (p: ItemDate) => `${item(p)}: дата ${quote(p.date)} — это срок без окончания. ` + VAGUE_ADVICE,
      wholeYear: (p: ItemDate) =>
        `${item(p)}: дата ${quote(p.date)} — это весь год, а не дата мероприятия. ` + VAGUE_ADVICE,
    },
    example: { variant: "wholeYear", params: { number: "8.1", row: 12, date: "в течение года" } },
  }),
  ROADMAP_DATE_OUTSIDE_YEAR: rule({
    severity: "warning",
    title: "Дата пункта вне года дорожной карты",
    description: "Дата пункта не попадает в год дорожной карты (вкладка «Распоряжение»).",
    fix: "Проверить год в дате или «Год дорожной карты».",
    message: (p: ItemDate & { year: string; tab: string }) =>
      `${item(p)}: дата ${quote(p.date)} не попадает в ${p.year} год — год дорожной карты. ` +
      `Проверьте год в дате или «Год дорожной карты» на вкладке «${p.tab}».`,
    example: { number: "8.1", row: 12, date: "15.03.2021", year: "2022", tab: "Распоряжение" },
  }),
  ROADMAP_CHILD_OUTSIDE_PARENT: variants({
    severity: "warning",
    title: "Подпункт вне дат своего направления",
    description: "Подпункт начинается раньше своего направления или заканчивается больше чем на квартал позже него.",
    fix: "Проверить даты: подпункт выполняется в рамках своего направления.",
    message: {
      early: (p: ChildDates) => childOutside(p, "начинается раньше"),
      late: (p: ChildDates) => childOutside(p, "заканчивается намного позже"),
    },
    example: {
      variant: "early",
      params: { number: "8.1", row: 12, date: "Январь", parentNumber: "8", parentRow: 11, parentDate: "Март – май" },
    },
  }),
  ROADMAP_RESPONSIBLE_MISSING: rule({
    severity: "error",
    title: "Нет ответственных на муниципальном уровне",
    description: "У пункта не указаны ответственные на муниципальном уровне.",
    fix: "Заполнить ответственных на муниципальном уровне.",
    message: columnEmpty,
    example: {
      number: "8.1",
      row: 12,
      header: "Ответственные на муниципальном уровне",
      what: "ответственные на муниципальном уровне",
    },
  }),
  ROADMAP_RESULT_MISSING: rule({
    severity: "error",
    title: "Нет ожидаемого результата",
    description: "У пункта не указан ожидаемый результат.",
    fix: "Заполнить ожидаемый результат.",
    message: columnEmpty,
    example: { number: "8.1", row: 12, header: "Ожидаемые результаты", what: "ожидаемый результат" },
  }),
  ROADMAP_SCHOOL_UNKNOWN: rule({
    severity: "error",
    title: "Школы нет в реестре",
    description: "Школы, названной среди ответственных на институциональном уровне, нет на вкладке «Реестр».",
    fix: "Исправить название (сообщение подсказывает ближайшее) или добавить школу в реестр.",
    message: (p: { number: string; row: number; school: string; suggestion: string | null }) =>
      `${item(p)}: школы ${quote(p.school)} нет в реестре. ` +
      (p.suggestion ? `Возможно, имелась в виду ${quote(p.suggestion)}. ` : "") +
      `Исправьте название или добавьте школу на вкладку «Реестр».`,
    example: { number: "8.1", row: 12, school: "СОШ 44", suggestion: "МБОУ СОШ № 4" },
  }),
  ROADMAP_SCHOOL_GUESS: rule({
    severity: "warning",
    title: "Школа узнана по сокращённому названию",
    description: "Школа узнана в реестре только по сокращённому названию — это догадка.",
    fix: "Проверить и написать название, как в реестре.",
    message: (p: { number: string; row: number; school: string; name: string }) =>
      `${item(p)}: школа ${quote(p.school)} — это, видимо, ${quote(p.name)} из реестра ` +
      `(сокращённое название). Проверьте и напишите название, как в реестре.`,
    example: { number: "8.1", row: 12, school: "Школа 4", name: "МБОУ СОШ № 4" },
  }),
  ROADMAP_ORDER_FIELD_MISSING: rule({
    severity: "error",
    title: "Не заполнено поле распоряжения",
    description: "Обязательное поле вкладки «Распоряжение» пустое или его строки нет.",
    fix: "Заполнить поле (строку с его названием — в столбце A).",
    message: (p: { tab: string; label: string; noRow: boolean }) =>
      `На вкладке «${p.tab}» не заполнено поле «${p.label}»` +
      `${p.noRow ? " (нет строки с этим названием в столбце A)" : ""}: без него распоряжение неполное.`,
    example: { tab: "Распоряжение", label: "Номер распоряжения", noRow: false },
  }),
  ROADMAP_ORDER_DATE_INVALID: rule({
    severity: "error",
    title: "Дата распоряжения не читается",
    description: "Дата распоряжения не читается как одна дата.",
    fix: "Записать дату как 05.03.2022.",
    message: (p: { date: string }) =>
      `Дата распоряжения ${quote(p.date)} не читается как одна дата. Напишите её так: 05.03.2022.`,
    example: { date: "март 2022" },
  }),
  ROADMAP_LINK_INVALID: rule({
    severity: "warning",
    title: "Пункт дорожной карты не читается",
    description:
      "В книге школы «Пункт дорожной карты» («План-факт», «Мероприятия МИП») содержит то, что не читается как номер пункта; такая строка не засчитывается ни одному пункту.",
    fix: "Написать номер пункта дорожной карты комитета, например 8.1.2 (несколько — через запятую).",
    message: (p: { row: number; value: string; unreadable: readonly string[] }) =>
      `В строке ${p.row} в «Пункт дорожной карты» ${quote(p.value)}: ` +
      `${p.unreadable.map((part) => quote(part)).join(", ")} — не ${p.unreadable.length === 1 ? "номер" : "номера"} пункта. ` +
      `Напишите номер пункта дорожной карты комитета, например 8.1.2 (несколько — через запятую).`,
    example: { row: 5, value: "8.1, см. выше", unreadable: ["см. выше"] },
  }),
};
