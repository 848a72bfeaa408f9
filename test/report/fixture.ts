/** A small invented МИП workbook for report tests (no real people). */
import { type WorkbookGrid, dateCell } from "../../src/core/grid.js";
import { TEMPLATE_VERSION } from "../../src/core/schema.js";
import { parsePeriod } from "../../src/core/terms/index.js";
import type { ValidationResult } from "../../src/core/validate.js";
import { parseWorkbook } from "../../src/core/workbook.js";
import { type WorkbookSpec, workbookOf } from "../helpers/grid-builder.js";
import type { Metrics } from "../../src/core/metrics.js";
import { zeroMetrics } from "../helpers/metrics.js";

export const FIXTURE_DATA = {
  general: {
    report_type: "Промежуточный",
    period: "2022",
    report_date: dateCell("2022-12-20"),
    org_full_name: "муниципального общеобразовательного учреждения «Берёзовская средняя общеобразовательная школа»",
    org_short_name: "МОУ «Берёзовская СОШ»",
    municipality: "Озёрский муниципальный район",
    address: "188000, п. Берёзовка, ул. Школьная, д. 1",
    phone: "8 (81300) 1-23-45",
    email: "berezovka@example.ru",
    website: "https://berezovka.example.ru",
    status_order: "Распоряжение комитета образования от 15.01.2021 № 20-р",
    leader: "Кленова  Марина Игоревна",
    leader_position: "директор",
    coordinator: "Сосновская-Белая Ольга Петровна",
    coordinator_position: "заместитель директора по УВР",
    consultant: "",
    approver: "Председатель комитета образования Ю.Н. Рябинин",
    topic: "Сетевое наставничество школ с разными образовательными результатами",
    goal: "Повышение качества образования в школах с НОР",
    partner: "нет",
  },
  tasks: [
    { no: 1, task: "Диагностика факторов, влияющих на качество образования" },
    { no: 2, task: "Организация наставничества по предметам" },
    { no: 3, task: "Создание среды, поддерживающей качественное обучение" },
  ],
  stages: [
    {
      no: 1,
      name: "подготовительный",
      start: "январь 2021",
      end: "сентябрь 2021",
      tasks: "Нормативная база",
      results: "Созданы положения и договоры",
    },
    {
      no: 2,
      name: "практический",
      start: "октябрь 2021",
      end: "декабрь 2022",
      tasks: "Работа наставников",
      results: "",
    },
    { no: 3, name: "обобщающий", start: "январь 2023", end: "май 2023", tasks: "Обобщение опыта", results: "" },
  ],
  plan: [
    {
      no: "1",
      task_no: "1",
      activity: "Вебинар для педагогов",
      term: "Март",
      executors: "ЦРО",
      responsible: "Сосновская-Белая О.П.",
      fact: "Проведён вебинар",
      status: "Выполнено",
      plan_qty: 1,
      fact_qty: 1,
    },
    {
      no: "2",
      task_no: "2",
      activity: "Психологическая гостиная",
      term: "Февраль-ноябрь",
      responsible: "Сосновская-Белая О.П.",
      fact: "Проведено 1 занятие",
      status: "Выполнено частично",
      plan_qty: 7,
      fact_qty: 1,
      reason: "Болезнь ведущего психолога",
      action: "Занятия перенесены на 2023 год",
    },
    {
      no: "2.1",
      task_no: "2",
      activity: "Закрепление наставников",
      term: "Январь",
      responsible: "Кленова М.И.",
      fact: "Закреплены 3 наставника",
      status: "Выполнено",
    },
  ],
  results: [
    {
      activity: "Вебинар для педагогов",
      forecast_result: "Расширены знания",
      actual_result: "Педагоги освоили технологии",
      forecast_product: "Материалы",
      actual_product: "Материалы на сайте",
    },
  ],
  orgs: [
    { name: "МОУ «Ольховская СОШ»", type: "Школа с НОР" },
    { name: "МОУ «Ивовая ООШ»", type: "Школа с НОР" },
    { name: "МОУ «Липовская СОШ»", type: "Школа с НОР" },
    { name: "МОУ «Берёзовская СОШ»", type: "Школа-лидер" },
    { name: "МОУ «Кедровая СОШ»", type: "Школа-лидер" },
    { name: "МОУ «Центр диагностики»", type: "Центр диагностики" },
  ],
  mentoring: [
    {
      no: 1,
      mentor: "Грабова Анна Сергеевна",
      mentor_org: "МОУ «Берёзовская СОШ»",
      subject: "Математика",
      mentee: "Тополев Игорь Ильич",
      mentee_org: "МОУ «Ольховская СОШ»",
      form: "Учитель – учитель",
      status: "Активна",
    },
    {
      no: 2,
      mentor: "Грабова Анна Сергеевна",
      mentor_org: "МОУ «Берёзовская СОШ»",
      subject: "Математика",
      mentee: "Вязова Елена Олеговна",
      mentee_org: "МОУ «Ивовая ООШ»",
      form: "Учитель – учитель",
      status: "Активна",
    },
    {
      no: 3,
      mentor: "Ясенев Пётр Андреевич",
      mentor_org: "МОУ «Кедровая СОШ»",
      subject: "Физика",
      mentee: "Тополев Игорь Ильич",
      mentee_org: "МОУ «Ольховская СОШ»",
      form: "Учитель – учитель",
      status: "Завершена",
    },
    {
      no: 4,
      mentor: "Ольхова Вера Ивановна",
      mentor_org: "МОУ «Кедровая СОШ»",
      subject: "Химия",
      mentee: "Рябинина Нина Львовна",
      mentee_org: "МОУ «Липовская СОШ»",
      form: "Учитель – учитель",
      status: "Не состоялась",
      not_held_reason: "Болезнь наставника",
    },
  ],
  participants: [
    { category: "Педагоги", count: 27, role: "Наставники и наставляемые" },
    { category: "Специалисты (психологи и др.)", count: "2 чел.", role: "Психологическая гостиная" },
  ],
  training: [{ count: 5, percent: 0.185, kind: "Курсы", topic: "Наставничество в школе", place: "ЛОИРО", term: "Май" }],
  staff: [
    { name: "Кленова Марина Игоревна", position: "директор, высшее", role: "Руководитель МИП" },
    { name: "Сосновская-Белая Ольга Петровна", position: "заместитель директора, высшее", role: "Координатор" },
  ],
  documents: [
    {
      kind: "Положение",
      date: dateCell("2021-03-11"),
      number: "364-р",
      title: "О стажировочной площадке",
      rationale: "Основа работы площадки",
    },
    {
      kind: "Распоряжение",
      date: dateCell("2022-03-05"),
      number: "312-р",
      title: "Об утверждении плана мероприятий",
      rationale: "",
      issuer: "комитета образования",
    },
    { kind: "Приказ", date: dateCell("2022-09-01"), number: "№ 45", title: "«О наставничестве»", rationale: "" },
  ],
  dissemination: [
    {
      kind: "Семинар",
      name: "Наставничество в сельской школе",
      level: "Муниципальный",
      date: "24.03",
      teachers: 30,
      students: "",
      parents: "",
      partners: 2,
      product: "Презентация",
    },
    { kind: "Конференция", name: "Качество образования", level: "Региональный", date: "15.11", teachers: 12 },
  ],
  internal_events: [],
  contests: [
    {
      kind: "Конкурс",
      name: "Учитель года",
      level: "Муниципальный",
      participants: "Грабова А.С., учитель",
      result: "Победитель",
    },
    {
      kind: "Фестиваль",
      name: "Педагогические идеи",
      level: "Региональный",
      participants: "Ясенев П.А., учитель",
      result: "Участник",
    },
  ],
  speeches: [
    {
      level: "Региональный",
      date: dateCell("2022-06-22"),
      place: "Областное совещание",
      topic: "О наставничестве",
      speaker: "Кленова М.И.",
    },
    {
      level: "Муниципальный",
      date: dateCell("2022-03-24"),
      place: "Семинар",
      topic: "Технологии",
      speaker: "Грабова А.С.",
    },
  ],
  publications: [
    {
      authors: "Грабова А.С.",
      title: "Наставник и ученик",
      source: "Сборник",
      level: "Региональный",
      date: dateCell("2022-05-10"),
    },
    {
      authors: "Ясенев П.А.",
      title: "Физика в сельской школе",
      source: "Сайт",
      level: "Муниципальный",
      date: dateCell("2022-10-01"),
    },
    {
      authors: "Кленова М.И.",
      title: "Сеть школ",
      source: "Журнал",
      level: "Муниципальный",
      date: dateCell("2022-11-01"),
    },
  ],
  problems: [
    { problem: "Нехватка времени у наставников", solution: "Гибкий график", outcome: "Работа продолжена" },
    { problem: "Удалённость школ", solution: "Онлайн-встречи", outcome: "Устранено" },
    { problem: "Болезнь специалистов", solution: "Замена ведущих", outcome: "Не устранено" },
  ],
  conclusions: {
    effects_social: "Выросла мотивация педагогов",
    significance: "Модель наставничества применима в других школах",
    conclusion: "Проект результативен.\nЕго следует продолжить.",
    extension: "Срок реализации заканчивается в мае 2023 года",
    next_tasks: "Обобщающий этап",
    proposals: "",
  },
  settings: { max_mentees: 5, strict: "Нет", orientation: "Книжная" },
} satisfies WorkbookSpec;

export function fixtureGrid(overrides: WorkbookSpec = {}): WorkbookGrid {
  return workbookOf({ ...FIXTURE_DATA, ...overrides }).build();
}

/**
 * The fixture parsed, with no rules run: the report's own logic is tested apart from the
 * validator (issues and metrics are added by each test where they matter).
 */
export function fixtureResult(overrides: WorkbookSpec = {}): ValidationResult {
  const { workbook } = parseWorkbook(fixtureGrid(overrides));
  const periodCell = workbook.kv.general.fields.period?.value ?? null;
  return {
    workbook,
    context: {
      workbook,
      period: parsePeriod(periodCell),
      reportDate: "2022-12-20",
      reportType: null,
      settings: { maxMentees: 5, strict: false, orientation: "portrait", reportFolder: "" },
    },
    issues: [],
    summary: { errors: 0, warnings: 0, infos: 0, completeness: 0 },
    metrics: zeroMetrics(),
    templateVersion: TEMPLATE_VERSION,
  };
}

/**
 * The fixture through the real validator (rules, context and metrics of the product).
 * Imported lazily so the report's own tests load even while the rules are being changed.
 */
export async function fixtureValidated(overrides: WorkbookSpec = {}): Promise<ValidationResult> {
  const { validateWorkbook } = await import("../../src/core/validate.js");
  return validateWorkbook(fixtureGrid(overrides), { today: "2022-12-20" });
}

/** Metrics as the validator would compute them for the fixture's ИТОГО-relevant tabs. */
export const FIXTURE_TOTALS: Pick<
  Metrics,
  "publications" | "publicationsByLevel" | "contestsByLevel" | "speechesByLevel" | "eventsByLevel"
> = {
  publications: 3,
  publicationsByLevel: { Региональный: 1, Муниципальный: 2 },
  contestsByLevel: { Муниципальный: { participations: 1, wins: 1 }, Региональный: { participations: 1, wins: 0 } },
  speechesByLevel: { Региональный: 1, Муниципальный: 1 },
  eventsByLevel: { Муниципальный: 1, Региональный: 1 },
};
