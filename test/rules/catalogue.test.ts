/**
 * Every rule id of the catalogue: one workbook that must trigger it (with its location and
 * a message quoting the value) and one close variant that must not (no false alarms).
 */
import { describe, expect, it } from "vitest";
import { type Cell, type WorkbookGrid, errorCell } from "../../src/core/grid.js";
import { type Issue, RULES, type RuleId } from "../../src/core/issues.js";
import { ROADMAP_CASES } from "./catalogue-roadmap.js";
import { CLEAN_OPTIONS, GridBuilder, check, cleanWorkbook } from "../helpers/grid-builder.js";

interface Expect {
  sheet: string;
  /** A1 cell, or null for a whole-tab finding. */
  cell: string | null;
  /** Fragments the message must contain (e.g. the quoted value). */
  says?: string[];
  count?: number;
}

interface Case {
  fire: () => GridBuilder | WorkbookGrid;
  expect: Expect;
  quiet: () => GridBuilder | WorkbookGrid;
  /** Another workbook's checker (the committee's roadmap); default: the school workbook's validator. */
  checker?: (grid: WorkbookGrid) => { issues: Issue[] };
}

const clean = cleanWorkbook;

/** Rename one tab of a built grid. */
function renameTab(grid: WorkbookGrid, from: string, to: string): WorkbookGrid {
  return { ...grid, tabs: grid.tabs.map((t) => (t.title === from ? { ...t, title: to } : t)) };
}

const orgHeaders: Cell[] = ["Организация", "Тип", "Муниципалитет", "Контактное лицо"];

// Partial here; the «has a case here» test below demands every id (the справка tabs are added after).
const CASES: Partial<Record<RuleId, Case>> = {
  TPL_SHEET_MISSING: {
    fire: () => clean().without("orgs"),
    // The tab's purpose is quoted with its first letter lowered only: «Наставничество» keeps its capital.
    expect: {
      sheet: "Организации",
      cell: null,
      says: [
        "Нет вкладки «Организации»",
        "(организации — участники проекта; на них ссылается вкладка «Наставничество»)",
      ],
    },
    quiet: () => renameTab(clean().build(), "Затруднения", "затруднения "),
  },
  TPL_SHEET_NAME: {
    // «Плaн-факт» with a Latin «a»: read as the plan tab, and the user is asked to retype the title.
    fire: () => renameTab(clean().build(), "План-факт", "Плaн-факт"),
    expect: { sheet: "Плaн-факт", cell: null, says: ["«Плaн-факт»", "латинские буквы", "«План-факт»"] },
    quiet: () => renameTab(clean().build(), "План-факт", "план-факт "),
  },
  TPL_HEADER_MISMATCH: {
    fire: () => clean().headers("orgs", ["Организация", "Вид", "Муниципалитет", "Контактное лицо"]),
    expect: { sheet: "Организации", cell: "B1", says: ["«Вид»", "«Тип»"] },
    quiet: () => clean().headers("orgs", [...orgHeaders, "Мои заметки"]),
  },
  TPL_CELL_ERROR: {
    fire: () => clean().patch("plan", 0, { fact: errorCell("#REF!") }),
    expect: { sheet: "План-факт", cell: "G2", says: ["«#REF!»"] },
    quiet: () => clean().patch("plan", 0, { fact: "Итог в чате #REF нет" }),
  },
  TPL_ENUM_INVALID: {
    fire: () => clean().patch("plan", 0, { status: "Выполнено полностью" }),
    expect: { sheet: "План-факт", cell: "H2", says: ["«Выполнено полностью»", "Возможно, имелось в виду «Выполнено»"] },
    quiet: () =>
      clean()
        .patch("plan", 3, { status: "  выполнено   ЧАСТИЧНО " })
        .patch("orgs", 0, { type: "школа - лидер" })
        .patch("mentoring", 0, { form: "Учитель-учитель" })
        .patch("contests", 0, { result: "призер" })
        .field("settings", "strict", "нет"),
  },
  GEN_REQUIRED: {
    fire: () => clean().field("general", "topic", "  "),
    expect: { sheet: "Общие сведения", cell: "B20", says: ["«Тема»"] },
    quiet: () =>
      clean().field("general", "consultant", "").field("general", "email", "").field("general", "report_date", ""),
  },
  GEN_PERIOD_INVALID: {
    fire: () => clean().field("general", "period", "двадцать второй"),
    expect: { sheet: "Общие сведения", cell: "B3", says: ["«двадцать второй»"] },
    quiet: () => clean().field("general", "period", "2019-2020 учебный год"),
  },
  GEN_EMAIL_INVALID: {
    fire: () => clean().field("general", "email", "centr@@obr"),
    expect: { sheet: "Общие сведения", cell: "B10", says: ["«centr@@obr»"] },
    quiet: () => clean().field("general", "email", "Centr.Obr@mail.ru; school4@example.ru"),
  },
  GEN_URL_INVALID: {
    fire: () => clean().field("general", "website", "сайт школы"),
    expect: { sheet: "Общие сведения", cell: "B11", says: ["«сайт школы»"] },
    quiet: () => clean().field("general", "website", "school4.example.ru/mip"),
  },
  GEN_CONCLUSION_TOO_LONG: {
    fire: () => clean().field("conclusions", "conclusion", "а".repeat(2001)),
    expect: { sheet: "Выводы", cell: "B12", says: ["содержит 2001 знак,", "не больше 2000", "на 1 знак "] },
    quiet: () => clean().field("conclusions", "conclusion", "а".repeat(2000)),
  },
  GEN_FINAL_EMPTY_CONCLUSION: {
    fire: () => clean().field("general", "report_type", "Итоговый").field("conclusions", "conclusion", ""),
    expect: { sheet: "Выводы", cell: "B12", says: ["итоговый"] },
    quiet: () => clean().field("conclusions", "conclusion", ""),
  },
  FORM_ITEM_EMPTY: {
    // A final report of the Кировский form (the default) with an empty 5.1; the finding names the form's item.
    fire: () => clean().field("general", "report_type", "Итоговый").field("conclusions", "extension", ""),
    expect: {
      sheet: "Выводы",
      cell: "B13",
      says: ["«5.1. Срок действия МИП»", "«Продление статуса МИП (обоснование)»"],
    },
    quiet: () =>
      clean()
        .field("general", "report_type", "Итоговый")
        .field("conclusions", "extension", "Продление не планируется: проект завершается в мае 2023 года"),
  },
  TERM_INVALID: {
    fire: () => clean().patch("plan", 0, { term: "Маи" }),
    expect: { sheet: "План-факт", cell: "D2", says: ["«Маи»", "24.02"] },
    quiet: () =>
      clean().patch("plan", 0, { term: "Ноябрь 15.11, 17.11, 22.11" }).patch("plan", 2, { term: "14.03.-31.03" }),
  },
  TERM_REVERSED: {
    fire: () => clean().patch("plan", 0, { term: "10.03.2022-03.03.2022" }),
    expect: { sheet: "План-факт", cell: "D2", says: ["«10.03.2022-03.03.2022»"] },
    quiet: () => clean().patch("plan", 0, { term: "03.03.2022-10.03.2022" }),
  },
  TERM_OUTSIDE_PERIOD: {
    fire: () => clean().patch("plan", 0, { term: "15.03.2021-30.04.2021" }),
    expect: { sheet: "План-факт", cell: "D2", says: ["«15.03.2021-30.04.2021»", "«2022»"] },
    quiet: () =>
      clean()
        .patch("plan", 0, { term: "октябрь 2021 – декабрь 2022 года" })
        .patch("documents", 0, { date: "15.01.2020" })
        .patch("mentoring", 0, { start: "01.09.2021", end: "" }),
  },
  STG_OVERLAP: {
    fire: () => clean().patch("stages", 1, { start: "август 2021" }),
    expect: { sheet: "Этапы", cell: "C3", says: ["«Практический»", "«Подготовительный»"] },
    quiet: () => clean().patch("stages", 1, { start: "30.09.2021" }),
  },
  STG_NONE_IN_PERIOD: {
    fire: () => clean().field("general", "period", "2024"),
    expect: { sheet: "Этапы", cell: null, says: ["«2024»"] },
    quiet: () => clean().field("general", "period", "2023"),
  },
  PLAN_ACTIVITY_MISSING: {
    fire: () => clean().patch("plan", 0, { activity: "" }),
    expect: { sheet: "План-факт", cell: "C2" },
    quiet: () => clean().patch("plan", 6, { activity: "" }),
  },
  PLAN_STATUS_MISSING: {
    fire: () => clean().patch("plan", 0, { status: "" }),
    expect: { sheet: "План-факт", cell: "H2" },
    // Row 3 («2») groups 2.1 and 2.2 and has no status of its own: a heading, not a gap.
    quiet: () => clean().patch("plan", 1, { status: "", fact: "" }),
  },
  PLAN_FACT_MISSING: {
    fire: () => clean().patch("plan", 0, { fact: "" }),
    expect: { sheet: "План-факт", cell: "G2", says: ["«Выполнено»"] },
    quiet: () =>
      clean()
        .patch("plan", 5, { fact: "", status: "В работе" })
        .patch("plan", 3, { status: "Перенесено", fact: "", fact_qty: 0 }),
  },
  PLAN_DEVIATION_REASON_MISSING: {
    fire: () => clean().patch("plan", 3, { reason: "Отклонений по данному направлению нет." }),
    expect: { sheet: "План-факт", cell: "K5", says: ["«Отклонений по данному направлению нет.»"] },
    quiet: () => clean().patch("plan", 3, { reason: "Причина отклонений – в длительной болезни педагога-психолога" }),
  },
  PLAN_DEVIATION_ACTION_MISSING: {
    fire: () => clean().patch("plan", 3, { action: "—" }),
    expect: { sheet: "План-факт", cell: "L5", says: ["«—»"] },
    quiet: () => clean().patch("plan", 3, { action: "Письма руководителям ШНОР" }),
  },
  PLAN_REASON_WITHOUT_DEVIATION: {
    fire: () => clean().patch("plan", 0, { reason: "Не все педагоги смогли подключиться" }),
    expect: { sheet: "План-факт", cell: "K2", says: ["«Не все педагоги смогли подключиться»"] },
    quiet: () =>
      clean()
        .patch("plan", 0, { reason: "нет" })
        .patch("plan", 2, { reason: "Отклонений по данному направлению нет." }),
  },
  PLAN_QTY_INVALID: {
    fire: () => clean().patch("plan", 0, { plan_qty: "много" }),
    expect: { sheet: "План-факт", cell: "I2", says: ["«много»"] },
    quiet: () => clean().patch("plan", 0, { plan_qty: "2,0", fact_qty: "2 вебинара" }),
  },
  PLAN_STATUS_QTY_MISMATCH: {
    fire: () => clean().patch("plan", 4, { plan_qty: 7, fact_qty: 1, status: "Выполнено" }),
    expect: { sheet: "План-факт", cell: "H6", says: ["1 из 7"] },
    quiet: () => clean().patch("plan", 4, { plan_qty: 7, fact_qty: 7, status: "Выполнено" }),
  },
  PLAN_OVERDUE: {
    fire: () => clean().patch("plan", 5, { term: "Март" }),
    expect: { sheet: "План-факт", cell: "H7", says: ["«Март»", "31.03.2022", "«В работе»"] },
    quiet: () => clean().patch("plan", 5, { term: "Декабрь" }),
  },
  PLAN_NUMBER_DUPLICATE: {
    fire: () => clean().patch("plan", 3, { no: "2.1." }),
    expect: { sheet: "План-факт", cell: "A5", says: ["«2.1.»", "строке 4"] },
    quiet: () => clean().patch("plan", 2, { no: "2.1." }).patch("plan", 3, { no: " 2.2 " }),
  },
  PLAN_NUMBER_PARENT_MISSING: {
    fire: () => clean().patch("plan", 4, { no: "5.1" }),
    expect: { sheet: "План-факт", cell: "A6", says: ["«5.1»", "«5»"] },
    quiet: () =>
      clean().add("plan", {
        no: "3.1",
        task_no: "3",
        activity: "Занятие гостиной",
        term: "Май",
        executors: "Психолог",
        responsible: "Лебедева Н.А.",
        fact: "Проведено",
        status: "Выполнено",
      }),
  },
  PLAN_CHILD_OUTSIDE_PARENT: {
    fire: () => clean().patch("plan", 2, { term: "24.02-10.03" }),
    expect: { sheet: "План-факт", cell: "D4", says: ["«2.1»", "«24.02-10.03»", "«10.03-28.12»"] },
    quiet: () => clean().patch("plan", 2, { term: "10.03-18.03" }),
  },
  PLAN_TASK_UNKNOWN: {
    fire: () => clean().patch("plan", 0, { task_no: "7" }),
    expect: { sheet: "План-факт", cell: "B2", says: ["«7»"] },
    quiet: () => clean().patch("plan", 0, { task_no: "Задача 1" }).patch("plan", 4, { task_no: "№ 1, 3" }),
  },
  PLAN_OUTSIDE_STAGE: {
    fire: () => clean().patch("plan", 0, { term: "15.03.2024" }),
    expect: { sheet: "План-факт", cell: "D2", says: ["«15.03.2024»"] },
    quiet: () => clean().patch("plan", 0, { term: "до 15.09.2022" }),
  },
  PLAN_RESPONSIBLE_MISSING: {
    fire: () => clean().patch("plan", 0, { responsible: "" }),
    expect: { sheet: "План-факт", cell: "F2" },
    quiet: () => clean().patch("plan", 1, { responsible: "" }),
  },
  ORG_DUPLICATE: {
    fire: () => clean().add("orgs", { name: 'МОУ "СОШ №4"', type: "Школа-лидер" }),
    expect: { sheet: "Организации", cell: "A7", says: ["строке 2"] },
    quiet: () => clean().add("orgs", { name: "МОУ «СОШ № 14»", type: "Школа-лидер" }),
  },
  MENT_PERSON_MISSING: {
    fire: () => clean().patch("mentoring", 0, { mentee: "" }),
    expect: { sheet: "Наставничество", cell: "E2" },
    quiet: () => clean(),
  },
  MENT_SELF: {
    fire: () => clean().patch("mentoring", 0, { mentee: "петрова  ольга викторовна" }),
    expect: { sheet: "Наставничество", cell: "E2", says: ["«петрова ольга викторовна»"] },
    quiet: () => clean().patch("mentoring", 0, { mentee: "Петрова Ольга Витальевна" }),
  },
  MENT_ORG_UNKNOWN: {
    fire: () => clean().patch("mentoring", 0, { mentee_org: "МОУ «Лесновая СОШ»" }),
    expect: {
      sheet: "Наставничество",
      cell: "F2",
      says: ["«МОУ «Лесновая СОШ»»", "Возможно, имелась в виду «МОУ «Лесная СОШ»»"],
    },
    quiet: () =>
      clean()
        .patch("mentoring", 0, { mentee_org: 'моу "лесная  сош"' })
        .patch("mentoring", 1, { mentee_org: "Речная ООШ" })
        .patch("mentoring", 2, { mentee_org: "МБОУ «Озёрная СОШ»" }),
  },
  MENT_MENTOR_ORG_TYPE: {
    fire: () => clean().patch("mentoring", 0, { mentor_org: "МОУ «Речная ООШ»" }),
    expect: { sheet: "Наставничество", cell: "C2", says: ["«МОУ «Речная ООШ»»"] },
    quiet: () => clean().patch("mentoring", 0, { mentor_org: "МКУ «Центр диагностики»" }),
  },
  MENT_MENTEE_ORG_TYPE: {
    fire: () => clean().patch("mentoring", 0, { mentee_org: "МОУ «СОШ № 4»" }),
    expect: { sheet: "Наставничество", cell: "F2", says: ["«Школа-лидер»"] },
    quiet: () => clean().patch("mentoring", 0, { mentee_org: "МКУ «Центр диагностики»" }),
  },
  MENT_SAME_ORG: {
    fire: () => clean().patch("mentoring", 0, { mentor_org: "МОУ «Лесная СОШ»", mentee_org: "моу лесная сош" }),
    expect: { sheet: "Наставничество", cell: "C2", says: ["«МОУ «Лесная СОШ»»"] },
    quiet: () => clean(),
  },
  MENT_SUBJECT_MISSING: {
    fire: () => clean().patch("mentoring", 2, { subject: "" }),
    expect: { sheet: "Наставничество", cell: "D4" },
    quiet: () => clean(),
  },
  MENT_MENTOR_MULTI_SUBJECT: {
    fire: () => clean().patch("mentoring", 1, { subject: "Литература" }),
    expect: { sheet: "Наставничество", cell: "D3", says: ["«Литература»", "«Русский язык»"] },
    quiet: () => clean().patch("mentoring", 1, { subject: "русский  язык" }),
  },
  MENT_LOAD_EXCEEDED: {
    fire: () => clean().field("settings", "max_mentees", 1),
    expect: {
      sheet: "Наставничество",
      cell: "B2",
      says: ["«Петрова О.В.»", "2 действующих наставляемых", "не больше 1"],
    },
    quiet: () => clean().field("settings", "max_mentees", "2"),
  },
  MENT_DUPLICATE_PAIR: {
    fire: () =>
      clean().add("mentoring", { ...clean().dataRows("mentoring")[0]!, no: "5", mentee: "Смирнова  Анна Сергеевна" }),
    expect: { sheet: "Наставничество", cell: "E6", says: ["строке 2"] },
    quiet: () =>
      clean().add("mentoring", { ...clean().dataRows("mentoring")[0]!, no: "5", mentee: "Смирнова Анна Степановна" }),
  },
  MENT_MENTEE_MULTI_MENTOR: {
    fire: () =>
      clean().add("mentoring", {
        no: "5",
        mentor: "Новиков Игорь Петрович",
        mentor_org: "МОУ «СОШ № 4»",
        subject: "Русский язык",
        mentee: "Смирнова Анна Сергеевна",
        mentee_org: "МОУ «Лесная СОШ»",
        form: "Учитель – учитель",
        status: "Планируется",
      }),
    expect: { sheet: "Наставничество", cell: "B6", says: ["«Смирнова А.С.»", "«Петрова О.В.»", "«Новиков И.П.»"] },
    quiet: () =>
      clean().add("mentoring", {
        no: "5",
        mentor: "Новиков Игорь Петрович",
        mentor_org: "МОУ «СОШ № 4»",
        subject: "Русский язык",
        mentee: "Смирнова Анна Сергеевна",
        mentee_org: "МОУ «Лесная СОШ»",
        form: "Учитель – учитель",
        status: "Завершена",
      }),
  },
  MENT_NOT_HELD_REASON: {
    fire: () => clean().patch("mentoring", 3, { not_held_reason: "-" }),
    expect: { sheet: "Наставничество", cell: "K5", says: ["«Не состоялась»"] },
    quiet: () =>
      clean().patch("mentoring", 0, { status: "Приостановлена", not_held_reason: "Декретный отпуск наставляемой" }),
  },
  MENT_DECLARED_MISMATCH: {
    fire: () => clean().field("general", "declared_mentees", 21),
    expect: { sheet: "Общие сведения", cell: "B25", says: ["21", "3"] },
    quiet: () => clean().field("general", "declared_mentees", "3 чел."),
  },
  MENT_NAME_VARIANT: {
    fire: () => clean().patch("mentoring", 1, { mentor: "Петрова О. В." }),
    expect: { sheet: "Наставничество", cell: "B3", says: ["«Петрова О. В.»", "«Петрова Ольга Викторовна»"] },
    // Two different full names with the same initials are two people, not a spelling variant.
    quiet: () => clean().patch("mentoring", 1, { mentor: "Петрова Оксана Валерьевна" }),
  },
  PART_COUNT_INVALID: {
    fire: () => clean().patch("participants", 0, { count: "двенадцать" }),
    expect: { sheet: "Участники", cell: "B2", says: ["«двенадцать»"] },
    quiet: () => clean().patch("participants", 0, { count: "12 чел." }),
  },
  PART_COUNT_TEXT: {
    fire: () => clean().patch("participants", 0, { count: "12 чел." }),
    expect: { sheet: "Участники", cell: "B2", says: ["«12 чел.»", "12"] },
    quiet: () => clean().patch("participants", 0, { count: 12 }),
  },
  PART_TOTAL_MISMATCH: {
    fire: () => clean().field("general", "declared_participants", ">166"),
    expect: { sheet: "Общие сведения", cell: "B23", says: ["«>166»", "166"] },
    quiet: () => clean().field("general", "declared_participants", "не менее 166"),
  },
  PART_CATEGORY_DUPLICATE: {
    fire: () =>
      clean().add("participants", { category: "родители", count: 5 }).field("general", "declared_participants", 171),
    expect: { sheet: "Участники", cell: "A6", says: ["«родители»", "строке 5"] },
    quiet: () =>
      clean()
        .add("participants", { category: "Иное", count: 1 }, { category: "Иное", count: 2 })
        .field("general", "declared_participants", 169),
  },
  PART_TRAINING_PERCENT_MISMATCH: {
    fire: () => clean().patch("training", 0, { percent: 40 }),
    expect: { sheet: "Повышение квалификации", cell: "B2", says: ["«40»", "25%"] },
    quiet: () => clean().patch("training", 0, { percent: "25,8 %" }),
  },
  EVT_NAME_MISSING: {
    fire: () => clean().patch("dissemination", 0, { name: "" }),
    expect: { sheet: "Распространение опыта", cell: "B2" },
    quiet: () => clean().patch("dissemination", 0, { kind: "" }),
  },
  EVT_LEVEL_MISSING: {
    fire: () => clean().patch("publications", 0, { level: "" }),
    expect: { sheet: "Публикации", cell: "D2" },
    quiet: () => clean(),
  },
  EVT_COUNT_INVALID: {
    fire: () => clean().patch("dissemination", 0, { teachers: "много" }),
    expect: { sheet: "Распространение опыта", cell: "E2", says: ["«много»"] },
    quiet: () =>
      clean()
        .patch("dissemination", 0, { teachers: "25 чел." })
        .patch("internal_events", 0, { attendees: "40 человек" }),
  },
  EVT_NO_PARTICIPANTS: {
    fire: () => clean().patch("dissemination", 0, { teachers: 0, partners: "" }),
    expect: { sheet: "Распространение опыта", cell: "E2" },
    quiet: () => clean().patch("dissemination", 0, { teachers: 0, partners: "", parents: 3 }),
  },
  RES_ACTUAL_MISSING: {
    fire: () => clean().patch("results", 0, { actual_result: "" }),
    expect: { sheet: "Результаты", cell: "C2", says: ["«Рост результатов ВПР»"] },
    quiet: () => clean().patch("results", 0, { forecast_product: "", actual_product: "" }),
  },
  PROB_TOO_FEW: {
    fire: () => clean().rows("problems", clean().dataRows("problems").slice(0, 2)),
    expect: { sheet: "Затруднения", cell: null, says: ["2 затруднения"] },
    quiet: () => clean().patch("problems", 2, { outcome: "" }),
  },
  PROB_SOLUTION_MISSING: {
    fire: () => clean().patch("problems", 1, { solution: "" }),
    expect: { sheet: "Затруднения", cell: "B3", says: ["«Слабая мотивация педагогов»"] },
    quiet: () => clean(),
  },
  DOC_NUMBER_MISSING: {
    fire: () => clean().patch("documents", 0, { number: "" }),
    expect: { sheet: "Документы", cell: "C2", says: ["приказ"] },
    quiet: () => clean().patch("documents", 1, { kind: "Договор", number: "" }),
  },
  DOC_DUPLICATE: {
    fire: () =>
      clean().add("documents", { kind: "приказ", date: "15.01.2022", number: "12-О", title: "О реализации проекта" }),
    expect: { sheet: "Документы", cell: "C4", says: ["строку 2"] },
    quiet: () => clean().add("documents", { kind: "Приказ", date: "16.01.2022", number: "12-о", title: "О другом" }),
  },
  STAFF_LEADER_MISSING: {
    fire: () =>
      clean().patch("staff", 0, { name: "Соколов Михаил Иванович" }).patch("staff", 0, { name: "Соколова Н.И." }),
    expect: { sheet: "Кадры", cell: null, says: ["«Соколова Марина Игоревна»"] },
    quiet: () => clean().patch("staff", 0, { name: "Соколова Марина Игоревна" }),
  },
};

// «Мониторинг», «Рекомендации», «Справка о проекте» (template version 2): one good row each.
const MON_ROW = {
  indicator: "Удовлетворённость совместной работой",
  group: "Школы с НОР",
  value: "3,67",
  scale: 5,
  respondents: "7 из 8",
  detail: "",
};
const REC_ROW = {
  no: "1",
  addressee: "Муниципальной методической службе",
  text: "Проанализировать предложения участников",
  deadline: "до 05.06.2023 года",
};
const monitoring = (row: Record<string, Cell>) => clean().rows("monitoring", [{ ...MON_ROW, ...row }]);
const recommendation = (row: Record<string, Cell>) => clean().rows("recommendations", [{ ...REC_ROW, ...row }]);

const SPRAVKA_CASES = {
  MON_INDICATOR_MISSING: {
    fire: () => monitoring({ indicator: "" }),
    expect: { sheet: "Мониторинг", cell: "A2", says: ["«Показатель»"] },
    quiet: () => monitoring({ indicator: "Поддержка школ с НОР школой-наставником" }),
  },
  MON_GROUP_MISSING: {
    fire: () => monitoring({ group: "" }),
    expect: { sheet: "Мониторинг", cell: "B2", says: ["«Удовлетворённость совместной работой»"] },
    quiet: () => monitoring({ group: "школы-лидеры" }),
  },
  MON_VALUE_INVALID: {
    fire: () => monitoring({ value: "скорее да" }),
    expect: { sheet: "Мониторинг", cell: "C2", says: ["«скорее да»", "3,67"] },
    quiet: () => monitoring({ value: 3.71 }),
  },
  MON_SCALE_INVALID: {
    fire: () => monitoring({ scale: "" }),
    expect: { sheet: "Мониторинг", cell: "D2", says: ["5 для пятибалльной шкалы"] },
    quiet: () => monitoring({ value: 96, scale: "100" }),
  },
  MON_ABOVE_SCALE: {
    fire: () => monitoring({ value: "4,5", scale: 4 }),
    expect: { sheet: "Мониторинг", cell: "C2", says: ["«4,5»", "«4»"] },
    quiet: () => monitoring({ value: 5, scale: 5 }),
  },
  REC_ADDRESSEE_MISSING: {
    fire: () => recommendation({ addressee: "" }),
    expect: { sheet: "Рекомендации", cell: "B2", says: ["«Проанализировать предложения участников»", "«Адресат»"] },
    quiet: () => recommendation({ addressee: "Руководителям общеобразовательных учреждений" }),
  },
  REC_TEXT_MISSING: {
    fire: () => recommendation({ text: "" }),
    expect: { sheet: "Рекомендации", cell: "C2", says: ["«Рекомендация»"] },
    quiet: () => recommendation({ text: "Продолжить работу психологической гостиной" }),
  },
  REC_DEADLINE_MISSING: {
    fire: () => recommendation({ deadline: "" }),
    expect: { sheet: "Рекомендации", cell: "D2", says: ["«постоянно»"] },
    quiet: () => recommendation({ deadline: "постоянно" }),
  },
  REC_DEADLINE_INVALID: {
    fire: () => recommendation({ deadline: "к новому году, наверное" }),
    expect: { sheet: "Рекомендации", cell: "D2", says: ["«к новому году, наверное»", "«до 15.09.2023»"] },
    quiet: () => recommendation({ deadline: "01.09.2023" }),
  },
  SPR_SIGNER_INCOMPLETE: {
    fire: () => clean().field("spravka", "signer_position", "Методист МОУ ДО «Центр развития образования»"),
    expect: { sheet: "Справка о проекте", cell: "B3", says: ["«ФИО подписывающего справку»"] },
    quiet: () =>
      clean()
        .field("spravka", "signer_position", "Методист ЦРО")
        .field("spravka", "signer_name", "Ветрова Наталья Игоревна"),
  },
} satisfies Partial<Record<RuleId, Case>>;
Object.assign(CASES, SPRAVKA_CASES);

Object.assign(CASES, ROADMAP_CASES);

function run(c: Case, input: GridBuilder | WorkbookGrid): Issue[] {
  if (!c.checker) return check(input, CLEAN_OPTIONS).issues;
  return c.checker(input instanceof GridBuilder ? input.build() : input).issues;
}

describe("every rule of the catalogue", () => {
  it("has a case here", () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(RULES).sort());
  });

  for (const [rule, c] of Object.entries(CASES) as [RuleId, Case][]) {
    describe(rule, () => {
      it("fires, located, with a Russian message quoting the value", () => {
        const found = run(c, c.fire()).filter((i) => i.rule === rule);
        expect(found.length, `${rule} did not fire`).toBeGreaterThanOrEqual(1);
        if (c.expect.count !== undefined) expect(found).toHaveLength(c.expect.count);
        const first = found[0]!;
        expect(first.severity).toBe(RULES[rule].severity);
        expect(first.sheet).toBe(c.expect.sheet);
        expect(first.cell).toBe(c.expect.cell);
        if (c.expect.cell !== null) expect(first.row).toBe(Number(/\d+$/.exec(c.expect.cell)![0]));
        expect(first.message).toMatch(/[А-Яа-яЁё]/);
        expect(first.message.trim()).toMatch(/[.!»]$/);
        for (const fragment of c.expect.says ?? []) expect(first.message).toContain(fragment);
      });

      it("stays quiet on a close, valid variant", () => {
        const found = run(c, c.quiet()).filter((i) => i.rule === rule);
        expect(found.map((i) => i.message)).toEqual([]);
      });
    });
  }
});

describe("TERM_* on every tab with a date or a term", () => {
  const dated: [Parameters<GridBuilder["patch"]>[0], string, string][] = [
    ["stages", "start", "C2"],
    ["stages", "end", "D2"],
    ["plan", "term", "D2"],
    ["mentoring", "start", "H2"],
    ["mentoring", "end", "I2"],
    ["training", "term", "F2"],
    ["documents", "date", "B2"],
    ["dissemination", "date", "D2"],
    ["internal_events", "date", "C2"],
    ["speeches", "date", "B2"],
    ["publications", "date", "E2"],
  ];
  it("an unreadable value is TERM_INVALID at its cell, whichever tab", () => {
    let builder = cleanWorkbook().field("general", "report_date", "31.02.2022");
    for (const [tab, key] of dated) builder = builder.patch(tab, 0, { [key]: "когда-нибудь" });
    const found = check(builder).issues.filter((i) => i.rule === "TERM_INVALID");
    expect(found.map((i) => i.cell).sort()).toEqual([...dated.map(([, , cell]) => cell), "B4"].sort());
    expect(new Set(found.map((i) => i.sheet)).size).toBe(10);
    for (const f of found) expect(f.message).toMatch(/«когда-нибудь»|«31\.02\.2022»/);
  });

  it("a document needs one day, a publication may give a month", () => {
    const found = check(
      cleanWorkbook().patch("documents", 0, { date: "январь 2022" }).patch("publications", 0, { date: "ноябрь 2022" }),
    ).issues;
    expect(found.filter((i) => i.rule === "TERM_INVALID").map((i) => `${i.sheet} ${i.cell}`)).toEqual(["Документы B2"]);
  });
});

describe("severity and wording details", () => {
  it("RES_ACTUAL_MISSING is an error in a final report", () => {
    const found = check(
      cleanWorkbook().field("general", "report_type", "Итоговый").patch("results", 0, { actual_product: "" }),
    ).issues.filter((i) => i.rule === "RES_ACTUAL_MISSING");
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe("error");
    expect(found[0]!.cell).toBe("E2");
    expect(found[0]!.message).toContain("итоговом");
  });

  it("tasks numbered like the form (2.1, 2.2…) can be named by position", () => {
    const tasks = [
      { no: "2.1", task: "Диагностика" },
      { no: "2.2", task: "Ресурсы" },
      { no: "2.3", task: "Сопровождение" },
    ];
    const ok = check(cleanWorkbook().rows("tasks", tasks)).issues.filter((i) => i.rule === "PLAN_TASK_UNKNOWN");
    expect(ok).toEqual([]);
    const bad = check(cleanWorkbook().rows("tasks", tasks).patch("plan", 0, { task_no: "2.7" })).issues.filter(
      (i) => i.rule === "PLAN_TASK_UNKNOWN",
    );
    expect(bad.map((i) => i.cell)).toEqual(["B2"]);
    expect(bad[0]!.message).toContain("2.1, 2.2, 2.3");
  });

  it("a deviation row with «нет» as reason and «-» as action gets both findings, each at its own cell", () => {
    const found = check(cleanWorkbook().patch("plan", 3, { reason: "нет", action: "-" })).issues.filter(
      (i) => i.row === 5,
    );
    expect(found.map((i) => `${i.rule} ${i.cell} ${i.column}`).sort()).toEqual([
      "PLAN_DEVIATION_ACTION_MISSING L5 Управленческие действия",
      "PLAN_DEVIATION_REASON_MISSING K5 Причины отклонения",
    ]);
  });
});
