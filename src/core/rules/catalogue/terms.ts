/** TERM_*, STG_*: terms and dates on every tab, and the project's stages. */
import { quote } from "../../quote.js";
import { formatRuDate } from "../../terms/dates.js";
import { TERM_FORMS_HINT } from "../../terms/index.js";
import { rule, variants } from "./define.js";
import { because } from "./wording.js";

/** The reporting period as messages show it: «2022» (01.01.2022 – 31.12.2022). */
interface PeriodShown {
  readonly label: string;
  readonly start: string;
  readonly end: string;
}

const periodDates = (period: PeriodShown): string => `${formatRuDate(period.start)} – ${formatRuDate(period.end)}`;

const PERIOD_2022 = { label: "2022", start: "2022-01-01", end: "2022-12-31" };

export const TERMS_RULES = {
  TERM_INVALID: variants({
    severity: "error",
    title: "Не читается срок или дата",
    description:
      "Срок или дата в ячейке не читается ни в одном из принятых видов (24.02, 03.03-10.03, Май, I квартал 2022 …); такая строка не считается ни в сроках, ни в итогах.",
    fix: "Записать срок в одном из принятых видов, например «15.03.2021-30.04.2021», «Май» или «I квартал 2022».",
    message: {
      cell: (p: { row: number; header: string; value: string; reason: string | null }) =>
        `В строке ${p.row} в столбце «${p.header}» значение ${quote(p.value)} не читается как срок или ` +
        `дата${because(p.reason)}. Запишите его в одном из видов: ${TERM_FORMS_HINT}.`,
      reportDate: (p: { value: string; reason: string | null }) =>
        `В поле «Дата отчёта» значение ${quote(p.value)} не читается как дата${because(p.reason)}. Укажите дату ` +
        `в виде ДД.ММ.ГГГГ, например 20.12.2022, или оставьте поле пустым — будет взята сегодняшняя.`,
    },
    example: { variant: "cell", params: { row: 5, header: "Срок", value: "весна", reason: null } },
  }),
  TERM_REVERSED: variants({
    severity: "error",
    title: "Срок заканчивается раньше, чем начинается",
    description: "Конец срока раньше его начала — в одной ячейке или в паре «Начало» / «Окончание».",
    fix: "Проверить даты: сначала начало, потом окончание.",
    message: {
      cell: (p: { row: number; header: string; value: string }) =>
        `В строке ${p.row} в столбце «${p.header}» срок ${quote(p.value)} заканчивается раньше, чем ` +
        `начинается. Проверьте даты: сначала начало, потом окончание.`,
      pair: (p: { row: number; endHeader: string; end: string; startHeader: string; start: string }) =>
        `В строке ${p.row} «${p.endHeader}» ${quote(p.end)} раньше, ` +
        `чем «${p.startHeader}» ${quote(p.start)}. Проверьте даты.`,
    },
    example: { variant: "cell", params: { row: 4, header: "Срок", value: "30.04.2022-15.03.2022" } },
  }),
  TERM_OUTSIDE_PERIOD: variants({
    severity: "warning",
    title: "Срок вне отчётного периода",
    description:
      "Срок или дата строки целиком вне отчётного периода (этапы и документы не проверяются: они часто шире периода).",
    fix: "Проверить год или перенести строку в отчёт за свой период.",
    message: {
      cell: (p: { row: number; header: string; what: string; value: string; dates: string; period: PeriodShown }) =>
        `В строке ${p.row} в столбце «${p.header}» ${p.what} ${quote(p.value)}` +
        `${p.dates === p.value ? "" : ` (${p.dates})`} целиком ` +
        `вне отчётного периода ${quote(p.period.label)} (${formatRuDate(p.period.start)} ` +
        `– ${formatRuDate(p.period.end)}). Проверьте год или перенесите строку в отчёт за свой период.`,
      pair: (p: { row: number; written: string; period: string }) =>
        `В строке ${p.row} сроки ${quote(p.written)} целиком вне отчётного ` +
        `периода ${quote(p.period)}. Проверьте год или уберите строку из отчёта за этот период.`,
    },
    example: {
      variant: "cell",
      params: {
        row: 3,
        header: "Срок",
        what: "срок",
        value: "Май 2021",
        dates: "01.05.2021 – 31.05.2021",
        period: PERIOD_2022,
      },
    },
  }),
  STG_OVERLAP: rule({
    severity: "warning",
    title: "Этапы пересекаются",
    description: "Два этапа проекта пересекаются больше чем на один общий день.",
    fix: "Исправить сроки этапов, чтобы они шли друг за другом.",
    message: (p: {
      name: string;
      row: number;
      dates: string;
      firstName: string;
      firstRow: number;
      firstDates: string;
    }) =>
      `Этап ${quote(p.name)} (строка ${p.row}, ${p.dates}) ` +
      `пересекается с этапом ${quote(p.firstName)} (строка ${p.firstRow}, ${p.firstDates}). ` +
      `Исправьте сроки, чтобы этапы шли друг за другом.`,
    example: {
      name: "Практический",
      row: 3,
      dates: "01.03.2022 – 31.12.2022",
      firstName: "Подготовительный",
      firstRow: 2,
      firstDates: "01.09.2021 – 31.05.2022",
    },
  }),
  STG_NONE_IN_PERIOD: rule({
    severity: "warning",
    title: "Ни один этап не приходится на отчётный период",
    description: "Ни один этап с вкладки «Этапы» не пересекается с отчётным периодом.",
    fix: "Проверить сроки этапов или отчётный период.",
    message: (p: { period: PeriodShown }) =>
      `Ни один этап не приходится на отчётный период ${quote(p.period.label)} (${periodDates(p.period)}). ` +
      `Проверьте сроки этапов или отчётный период.`,
    example: { period: PERIOD_2022 },
  }),
};
