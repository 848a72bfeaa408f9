/**
 * The report's sections in the order of the official form (docs/REPORT.md «Layout»). Each
 * function returns the blocks of one section; build.ts puts them together.
 */
import { fold } from "../fold.js";
import type { Metrics } from "../metrics.js";
import { ENUMS } from "../schema.js";
import { countWithNoun, monthRangeSince, participantsInWords, type CountedItem } from "../russian.js";
import type { IsoDate, Period } from "../terms/types.js";
import type { Workbook } from "../workbook.js";
import { type ColumnSpec, bold, heading, headedText, labelled, paragraph, run, table, textBlocks } from "./blocks.js";
import { mentorTable, notHeldTable, summariseMentoring } from "./mentoring.js";
import { type Block, DASH, type Run, type TableCell } from "./model.js";
import { conclusionText, countOf, enumValue, generalText, percentText, rowsOf, textOf } from "./read.js";
import { isCompleted, overlapsPeriod, readStages, stageOrdinalGenitive, stageSpan, stageTitle } from "./stages.js";
import { totalsTable } from "./totals.js";

/** Everything a section needs besides the workbook. */
export interface SectionInput {
  readonly wb: Workbook;
  readonly period: Period | null;
  readonly reportDate: IsoDate;
  readonly metrics: Metrics;
  /** «2022 год». */
  readonly periodWords: string;
  /** «в 2022 году». */
  readonly periodIn: string;
}

const joinNonEmpty = (parts: readonly string[], sep = ", "): string => parts.filter((p) => p.trim() !== "").join(sep);

/**
 * «Вебинар «Название»» — a name gets guillemets unless it already has quotes; a name that
 * already says what it is («Региональная конференция …» for the kind «Конференция») stands alone.
 */
function kindAndName(kind: string, name: string): string {
  if (kind !== "" && fold(name).includes(fold(kind))) return name;
  const quotedName = name === "" || /[«"“„]/u.test(name) ? name : `«${name}»`;
  return joinNonEmpty([kind, quotedName], " ");
}

const rank = (order: readonly string[], value: string): number => {
  const at = order.indexOf(value);
  return at < 0 ? order.length : at;
};

/** Counts of organisations by type and participants by category, in list order. */
function participantCounts(wb: Workbook): { orgTypes: CountedItem[]; categories: CountedItem[]; total: number } {
  const orgTypes = new Map<string, number>();
  for (const row of rowsOf(wb, "orgs")) {
    const type = enumValue(row.cells.type, "orgType") ?? textOf(row, "type");
    if (type !== "") orgTypes.set(type, (orgTypes.get(type) ?? 0) + 1);
  }
  const categories = new Map<string, number>();
  let total = 0;
  for (const row of rowsOf(wb, "participants")) {
    const category = enumValue(row.cells.category, "participantCategory") ?? textOf(row, "category");
    const count = countOf(row.cells.count) ?? 0;
    total += count;
    if (category !== "") categories.set(category, (categories.get(category) ?? 0) + count);
  }
  // In the order of the dropdown lists (НОР schools first, as the form lists them); unknown values last.
  const toItems = (m: Map<string, number>, order: readonly string[]): CountedItem[] =>
    [...m]
      .map(([name, count]) => ({ name, count }))
      .sort((a, b) => rank(order, a.name) - rank(order, b.name));
  return { orgTypes: toItems(orgTypes, ENUMS.orgType), categories: toItems(categories, ENUMS.participantCategory), total };
}

export function generalSection({ wb }: SectionInput): Block[] {
  const g = (key: Parameters<typeof generalText>[1]) => generalText(wb, key);
  const counts = participantCounts(wb);
  const contacts = joinNonEmpty([
    g("address"),
    g("phone") && `тел. ${g("phone")}`,
    g("email") && `эл. почта: ${g("email")}`,
    g("website") && `сайт: ${g("website")}`,
  ]);
  return [
    heading(1, "1. Общие сведения"),
    labelled("1.1. Руководитель муниципальной инновационной площадки (далее — МИП)", joinNonEmpty([g("leader"), g("leader_position")])),
    labelled(
      "1.2. Координатор (исполнитель) инновационной образовательной деятельности (далее — ИОД) МИП",
      joinNonEmpty([g("coordinator"), g("coordinator_position")]),
    ),
    labelled("Научный консультант", g("consultant")),
    labelled("Адрес и контакты", contacts),
    labelled("Документ о присвоении статуса МИП", g("status_order")),
    ...(g("complex") ? [labelled("Инновационный комплекс / направление", g("complex"))] : []),
    labelled(
      "1.3. Участники ИОД МИП, их количество, категория (педагоги, родители, обучающиеся и др.)",
      participantsInWords(counts.orgTypes, counts.categories),
    ),
    labelled("1.4. Наличие организации-партнёра МИП и её основные функции", g("partner")),
  ];
}

const PLAN_COLUMNS: readonly ColumnSpec[] = [
  { header: "№ п/п", width: 6, align: "center" },
  { header: "Перечень запланированных мероприятий", width: 26 },
  { header: "Фактическое содержание", width: 26 },
  { header: "Причины отклонения", width: 20 },
  { header: "Управленческие действия", width: 22 },
];

function planRows(wb: Workbook): TableCell[][] {
  return rowsOf(wb, "plan").map((row) => {
    const term = textOf(row, "term");
    const activity: Run[] = [run(textOf(row, "activity") || DASH), ...(term ? [run(`\nСрок: ${term}`, { italic: true })] : [])];
    const status = enumValue(row.cells.status, "planStatus") ?? textOf(row, "status");
    const fact: Run[] = [
      run(textOf(row, "fact") || DASH),
      ...(status && status !== "Выполнено" ? [run(`\nСтатус: ${status}`, { italic: true })] : []),
    ];
    return [textOf(row, "no"), activity, fact, textOf(row, "reason"), textOf(row, "action")];
  });
}

const DOCUMENT_COLUMNS: readonly ColumnSpec[] = [
  { header: "№ п/п", width: 7, align: "center" },
  { header: "Наименование разработанного нормативного локального акта", width: 48 },
  { header: "Краткое обоснование применения нормативного локального акта в реализации ИОД", width: 45 },
];

const ORDER_KINDS = new Set(["Распоряжение", "Приказ"]);

function quoted(title: string): string {
  return title === "" || /^[«"“„]/u.test(title) ? title : `«${title}»`;
}

/** «от 05.03.2022 № 312-р» from a date and a number (a number may already start with «№»). */
function dateAndNumber(date: string, number: string): string {
  const no = number === "" ? "" : /^№/u.test(number) ? number : `№ ${number}`;
  return joinNonEmpty([date && `от ${date}`, no], " ");
}

/** «Распоряжение от 05.03.2022 № 312-р «Об утверждении …»». */
export function orderText(kind: string, date: string, number: string, title: string): string {
  return joinNonEmpty([kind, dateAndNumber(date, number), quoted(title)], " ");
}

/** «Положение «О стажировочной площадке» (от 11.03.2021 № 364-р)»; a title that already starts with the kind is kept as written. */
function documentName(kind: string, date: string, number: string, title: string): string {
  const head = kind === "" || kind === "Иное" || fold(title).startsWith(fold(kind)) ? title : joinNonEmpty([kind, quoted(title)], " ");
  const when = dateAndNumber(date, number);
  return when ? `${head} (${when})` : head;
}

const SPEECH_COLUMNS: readonly ColumnSpec[] = [
  { header: "№ п/п", width: 6, align: "center" },
  { header: "Уровень", width: 14 },
  { header: "Дата", width: 11, align: "center" },
  { header: "Место / мероприятие", width: 25 },
  { header: "Тема", width: 27 },
  { header: "Выступающий", width: 17 },
];

function managementBlocks(wb: Workbook): Block[] {
  const docs = rowsOf(wb, "documents").map((row) => ({
    kind: enumValue(row.cells.kind, "documentKind") ?? textOf(row, "kind"),
    date: textOf(row, "date"),
    number: textOf(row, "number"),
    title: textOf(row, "title"),
    rationale: textOf(row, "rationale"),
  }));
  const acts = docs.filter((d) => !ORDER_KINDS.has(d.kind));
  const orders = docs.filter((d) => ORDER_KINDS.has(d.kind));
  const speeches = rowsOf(wb, "speeches").map((row, i) => [
    String(i + 1),
    textOf(row, "level"),
    textOf(row, "date"),
    textOf(row, "place"),
    textOf(row, "topic"),
    textOf(row, "speaker"),
  ]);
  const c = (key: Parameters<typeof conclusionText>[1]) => conclusionText(wb, key);
  return [
    heading(2, "2.8. Управление ИОД МИП"),
    paragraph([bold("Анализ нормативно-правовой обеспеченности ИОД МИП:")]),
    table(
      DOCUMENT_COLUMNS,
      acts.map((d, i) => [String(i + 1), documentName(d.kind, d.date, d.number, d.title), d.rationale]),
    ),
    paragraph([bold("Распорядительные акты:")]),
    orders.length > 0
      ? { type: "list", ordered: true, items: orders.map((d) => [run(orderText(d.kind, d.date, d.number, d.title))]) }
      : paragraph(DASH),
    labelled("Орган управления инновационной деятельностью", c("management_body")),
    labelled("Система повышения квалификации педагогов, участвующих в ИОД, её влияние на рост эффективности ИОД МИП", c("pd_system")),
    labelled("Наличие индивидуальных траекторий профессионального развития педагогов (руководителей), включённых в ИОД", c("trajectories")),
    labelled("Организация сетевого взаимодействия и сотрудничества с другими образовательными организациями", c("network")),
    labelled("Наличие информации о ходе реализации ИОД МИП на сайте, частота обновления информации", c("site_info")),
    paragraph([bold("Выступления по ИОД МИП (уровень, место, тема):")]),
    table(SPEECH_COLUMNS, speeches),
  ];
}

export function contentSection(input: SectionInput): Block[] {
  const { wb, period, reportDate, periodWords } = input;
  const tasks = rowsOf(wb, "tasks")
    .map((row) => textOf(row, "task"))
    .filter((t) => t !== "");
  const stages = readStages(wb, period);
  const starts = stages.map((s) => s.start);
  const ends = stages.map((s) => s.end);
  const allDated = stages.length > 0 && starts.every((d) => d !== null) && ends.every((d) => d !== null);
  const projectSpan = allDated ? ` ${monthRangeSince([...starts].sort()[0]!, [...ends].sort().reverse()[0]!)}` : "";
  const completed = stages.filter((s) => isCompleted(s, reportDate));
  const current = stages.filter((s) => overlapsPeriod(s, period));
  return [
    heading(1, "2. Информация об организации и содержании ИОД МИП за отчётный период"),
    labelled("2.1. Тема ИОД МИП", generalText(wb, "topic")),
    labelled("2.2. Цель (цели) ИОД МИП", generalText(wb, "goal")),
    heading(2, "2.3. Задачи ИОД МИП"),
    tasks.length > 0 ? { type: "list", ordered: true, items: tasks.map((t) => [run(t)]) } : paragraph(DASH),
    heading(2, "2.4. Этапы реализации ИОД МИП (с указанием наименования этапа, конкретных месяца и года)"),
    ...(stages.length > 0
      ? [
          paragraph(`Проект реализуется в ${countWithNoun(stages.length, ["этап", "этапа", "этапов"])}${projectSpan}.`, "justify"),
          {
            type: "list" as const,
            ordered: false,
            items: stages.map((s, i) => [
              run(`${joinNonEmpty([stageTitle(s), stageSpan(s)])}${i === stages.length - 1 ? "." : ";"}`),
            ]),
          },
        ]
      : [paragraph(DASH)]),
    heading(2, "2.5. Краткая характеристика полученных результатов по итогам пройденных (завершённых) этапов"),
    ...(completed.length > 0
      ? completed.flatMap((s) => [
          paragraph([bold(`По итогам ${stageOrdinalGenitive(s)}:`)]),
          ...textBlocks(s.results),
        ])
      : [paragraph(DASH)]),
    heading(2, `2.6. Этапы ИОД, пришедшиеся на ${periodWords}, их основные задачи`),
    ...(current.length > 0
      ? current.map((s) =>
          paragraph(
            [bold(`${joinNonEmpty([stageTitle(s), stageSpan(s)])}: `), run(s.tasks || DASH)],
            "justify",
          ),
        )
      : [paragraph(DASH)]),
    heading(2, "2.7. Содержание деятельности МИП по реализации ИОД в отчётном периоде (в сравнении с календарным планом)"),
    table(PLAN_COLUMNS, planRows(wb)),
    ...managementBlocks(wb),
  ];
}

const RESULT_COLUMNS: readonly ColumnSpec[] = [
  { header: "Мероприятия в рамках ИОД в соответствии с календарным планом", width: 24 },
  // «Ожидаемые», not «Прогнозируемые»: four such words do not fit a portrait page at 12 pt.
  { header: "Ожидаемые", width: 19 },
  { header: "Фактические", width: 19 },
  { header: "Ожидаемые", width: 19 },
  { header: "Фактические", width: 19 },
];

// The form's five columns; the date goes under the event's name.
const DISSEMINATION_COLUMNS: readonly ColumnSpec[] = [
  { header: "Вид и название мероприятия, дата", width: 30 },
  { header: "Уровень", width: 15 },
  { header: "Количество участников (педагоги / обучающиеся / родители / социальные партнёры)", width: 17, align: "center" },
  { header: "Представленный продукт ИОД", width: 20 },
  { header: "Внешняя экспертная оценка (награды, рецензии и др.)", width: 18 },
];

const INTERNAL_COLUMNS: readonly ColumnSpec[] = [
  { header: "Вид и название мероприятия", width: 40 },
  { header: "Дата", width: 14, align: "center" },
  { header: "Количество присутствующих", width: 14, align: "center" },
  { header: "Представленный продукт ИОД", width: 32 },
];

// The official form's six columns, level and result apart. Headers are the form's in short
// («Результат», not «Результативность»): at 12 pt on a portrait page six columns leave about
// 75 pt each, and no header word may break.
const CONTEST_COLUMNS: readonly ColumnSpec[] = [
  { header: "Вид и название конкурса", width: 22 },
  { header: "Уровень", width: 14 },
  { header: "Участники (ФИО, должность)", width: 18 },
  { header: "Продукт ИОД", width: 16 },
  { header: "Результат", width: 12 },
  { header: "Сопровождение (ФИО, должность)", width: 18 },
];

const PUBLICATION_COLUMNS: readonly ColumnSpec[] = [
  { header: "№ п/п", width: 6, align: "center" },
  { header: "Автор(ы)", width: 17 },
  { header: "Название", width: 27 },
  { header: "Издание / ресурс, дата", width: 20 },
  { header: "Уровень", width: 14 },
  { header: "Ссылка", width: 16 },
];

const PROBLEM_COLUMNS: readonly ColumnSpec[] = [
  { header: "№ п/п", width: 6, align: "center" },
  { header: "Затруднение (проблема)", width: 38 },
  { header: "Пути решения", width: 38 },
  { header: "Итог", width: 18 },
];

/** «12 / 30 / 5 / 0»; «—» when no count is filled. */
function attendanceText(cells: readonly (string | number | null)[]): string {
  if (cells.every((c) => c === null || c === "")) return DASH;
  return cells.map((c) => (c === null || c === "" ? "0" : String(c))).join(" / ");
}

export function resultsSection(input: SectionInput): Block[] {
  const { wb, periodIn, metrics } = input;
  const mentoring = summariseMentoring(wb);
  const orgShort = generalText(wb, "org_short_name") || "ОО";
  return [
    heading(1, "3. Сведения о результатах реализации ИОД МИП за отчётный период"),
    heading(2, "3.1. Реализация ИОД МИП"),
    table(
      RESULT_COLUMNS,
      rowsOf(wb, "results").map((row) => [
        textOf(row, "activity"),
        textOf(row, "forecast_result"),
        textOf(row, "actual_result"),
        textOf(row, "forecast_product"),
        textOf(row, "actual_product"),
      ]),
      {
        headerRows: [
          [
            { text: "", span: 1 },
            { text: "Основные результаты реализации плана", span: 2 },
            { text: "Результаты (продукты) за отчётный период", span: 2 },
          ],
        ],
      },
    ),
    heading(3, "Сетевое наставничество"),
    mentorTable(mentoring),
    paragraph([bold("Наставнические пары, которые не состоялись, и причины:")]),
    notHeldTable(mentoring),
    heading(2, `3.2. Обобщение и распространение опыта работы по реализации ИОД на различных уровнях ${periodIn}`),
    table(
      DISSEMINATION_COLUMNS,
      rowsOf(wb, "dissemination").map((row) => [
        joinNonEmpty([kindAndName(textOf(row, "kind"), textOf(row, "name")), textOf(row, "date")], "\n"),
        textOf(row, "level"),
        attendanceText([textOf(row, "teachers"), textOf(row, "students"), textOf(row, "parents"), textOf(row, "partners")]),
        textOf(row, "product"),
        textOf(row, "expert"),
      ]),
    ),
    heading(2, `3.3. Мероприятия, проводимые ${periodIn} в рамках работы МИП внутри ${orgShort}`),
    table(
      INTERNAL_COLUMNS,
      rowsOf(wb, "internal_events").map((row) => [
        kindAndName(textOf(row, "kind"), textOf(row, "name")),
        textOf(row, "date"),
        textOf(row, "attendees"),
        textOf(row, "product"),
      ]),
    ),
    heading(2, "3.4. Участие в конкурсном движении (в рамках ИОД МИП)"),
    table(
      CONTEST_COLUMNS,
      rowsOf(wb, "contests").map((row) => [
        kindAndName(textOf(row, "kind"), textOf(row, "name")),
        textOf(row, "level"),
        textOf(row, "participants"),
        textOf(row, "product"),
        textOf(row, "result"),
        textOf(row, "support"),
      ]),
    ),
    heading(2, "3.5. Публикации по теме ИОД МИП"),
    table(
      PUBLICATION_COLUMNS,
      rowsOf(wb, "publications").map((row, i) => [
        String(i + 1),
        textOf(row, "authors"),
        textOf(row, "title"),
        joinNonEmpty([textOf(row, "source"), textOf(row, "date")]),
        textOf(row, "level"),
        textOf(row, "link"),
      ]),
    ),
    heading(2, "ИТОГО за отчётный период"),
    totalsTable(metrics),
    heading(2, "3.6. Затруднения в реализации ИОД МИП и пути их решения"),
    table(
      PROBLEM_COLUMNS,
      rowsOf(wb, "problems").map((row, i) => [String(i + 1), textOf(row, "problem"), textOf(row, "solution"), textOf(row, "outcome")]),
    ),
  ];
}

const STAFF_COLUMNS: readonly ColumnSpec[] = [
  { header: "№ п/п", width: 6, align: "center" },
  { header: "ФИО", width: 24 },
  { header: "Должность, образование, степень, звание", width: 35 },
  { header: "Функционал в проекте", width: 35 },
];

const PARTICIPANT_COLUMNS: readonly ColumnSpec[] = [
  { header: "Категория участников", width: 32 },
  { header: "Количество", width: 14, align: "center" },
  { header: "Роль в проекте", width: 54 },
];

// Five columns: seven do not fit a portrait page at 12 pt without breaking words.
const TRAINING_COLUMNS: readonly ColumnSpec[] = [
  { header: "№ п/п", width: 6, align: "center" },
  { header: "Количество педагогов (% от общего количества)", width: 17, align: "center" },
  { header: "Вид и тема", width: 37 },
  { header: "Место", width: 22 },
  { header: "Срок", width: 18 },
];

/** «6 (22 %)», «6», or «(22 %)» when only the share is filled. */
function teachersShare(count: string, percent: string): string {
  return joinNonEmpty([count, percent && `(${percent})`], " ");
}

export function staffSection({ wb }: SectionInput): Block[] {
  const participants = rowsOf(wb, "participants");
  const total = participants.reduce((sum, row) => sum + (countOf(row.cells.count) ?? 0), 0);
  return [
    heading(1, "Кадровое обеспечение ИОД МИП"),
    heading(3, "Кадровый состав"),
    table(
      STAFF_COLUMNS,
      rowsOf(wb, "staff").map((row, i) => [String(i + 1), textOf(row, "name"), textOf(row, "position"), textOf(row, "role")]),
    ),
    heading(3, "Участники ИОД МИП"),
    table(
      PARTICIPANT_COLUMNS,
      participants.map((row) => [textOf(row, "category"), textOf(row, "count"), textOf(row, "role")]),
      { total: ["Общее число участников", String(total), ""] },
    ),
    heading(3, "Повышение квалификации педагогов — участников ИОД МИП"),
    table(
      TRAINING_COLUMNS,
      rowsOf(wb, "training").map((row, i) => [
        String(i + 1),
        teachersShare(textOf(row, "count"), percentText(row.cells.percent)),
        joinNonEmpty([textOf(row, "kind"), textOf(row, "topic") && quoted(textOf(row, "topic"))], " "),
        textOf(row, "place"),
        textOf(row, "term"),
      ]),
    ),
  ];
}

const EFFECTS = [
  ["effects_social", "Социальные"],
  ["effects_tech", "Технологические"],
  ["effects_econ", "Экономические"],
  ["effects_other", "Другие"],
] as const;

export function effectivenessSection({ wb }: SectionInput): Block[] {
  const effects = EFFECTS.map(([key, label]) => [label, conclusionText(wb, key)] as const).filter(([, text]) => text !== "");
  return [
    heading(1, "4. Эффективность деятельности МИП"),
    heading(2, "4.1. Эффекты от ИОД МИП (внешние и внутренние; социальные, технологические, экономические и др.)"),
    ...(effects.length > 0 ? effects.map(([label, text]) => labelled(label, text)) : [paragraph(DASH)]),
    ...headedText(2, "4.2. Практическая значимость инновационных решений в рамках реализации ИОД МИП за отчётный период", conclusionText(wb, "significance")),
    ...headedText(
      2,
      "4.3. Общий вывод об эффективности ИОД, целесообразности продолжения инновации, перспективах и направлениях дальнейшей работы",
      conclusionText(wb, "conclusion"),
    ),
  ];
}

/**
 * The year after the reporting period (its end's calendar year + 1): «2023» for the period
 * «2022» or «2021/2022 учебный год» ending in 2022; null when the period cannot be read.
 */
export function nextYear(period: Period | null): number | null {
  return period ? Number(period.end.slice(0, 4)) + 1 : null;
}

export function forecastSection({ wb, period }: SectionInput): Block[] {
  const year = nextYear(period);
  return [
    heading(1, "5. Прогноз развития ИОД МИП на следующий за отчётным год"),
    ...headedText(
      2,
      `5.1. Срок действия МИП. Планируется ли продление действия МИП ${year ? `на ${year} год` : "на следующий год"}? (дать обоснование)`,
      conclusionText(wb, "extension"),
    ),
    ...headedText(2, `5.2. Основные задачи и направления ИОД МИП ${year ? `в ${year} году` : "в следующем году"}`, conclusionText(wb, "next_tasks")),
  ];
}

export function proposalsSection({ wb }: SectionInput): Block[] {
  return [
    heading(1, "6. Предложения по распространению и внедрению результатов деятельности МИП"),
    ...headedText(
      2,
      "6.1. Предложения МИП по диссеминации и распространению опыта работы МИП на муниципальном уровне",
      conclusionText(wb, "proposals"),
    ),
  ];
}
