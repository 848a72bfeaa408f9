/**
 * The template schema: the single source of every tab title, header, key-value label,
 * dropdown list and value kind. The xlsx writer, the Apps Script template builder, the
 * parser, the rules and the report all derive from it, so they cannot disagree.
 */

export const TEMPLATE_VERSION = "4";

/** How a cell's value is read and checked. */
type ValueKind =
  | "text"
  | "longtext"
  | "outline" // hierarchical number: 1, 2.1, 8.1.3
  | "int" // non-negative whole number, may arrive as text ("7 чел.")
  | "intOrMore" // integer or ">N"
  | "number"
  | "percent"
  | "date" // a single date (cell, serial or text)
  | "term" // free Russian term: "Март – июнь 2021"
  | "monthOrDate" // a date or a month with year ("январь 2021")
  | "period" // reporting period
  | "enum"
  | "email"
  | "url"
  | "fio"; // full name, Фамилия Имя Отчество

export const ENUMS = {
  reportType: ["Промежуточный", "Итоговый"],
  planStatus: ["Выполнено", "Выполнено частично", "Не выполнено", "Перенесено", "В работе", "Вне плана"],
  orgType: [
    "Школа с НОР",
    "Школа-лидер",
    "Стажировочная площадка",
    "Методическая служба",
    "Центр диагностики",
    "Организация-партнёр",
    "Иное",
  ],
  mentoringForm: [
    "Учитель – учитель",
    "Учитель – группа учителей",
    "Руководитель – руководитель",
    "Руководитель – группа руководителей",
    "Ученик – ученик",
    "Студент – ученик",
    "Работодатель – ученик",
    "Иное",
  ],
  pairStatus: ["Планируется", "Активна", "Завершена", "Не состоялась", "Приостановлена"],
  participantCategory: [
    "Педагоги",
    "Руководители",
    "Учащиеся (воспитанники)",
    "Родители",
    "Социальные партнёры",
    "Специалисты (психологи и др.)",
    "Иное",
  ],
  documentKind: ["Положение", "Договор", "Распоряжение", "Приказ", "Письмо", "Протокол", "Программа", "Иное"],
  level: ["Международный", "Всероссийский", "Региональный", "Муниципальный", "Районный", "Уровень ОО"],
  contestResult: ["Заявка подана", "Участник", "Лауреат", "Призёр", "Победитель"],
  problemOutcome: ["Устранено", "Не устранено", "Работа продолжена"],
  yesNo: ["Да", "Нет"],
  orientation: ["Книжная", "Альбомная"],
  // Report forms (src/core/report/forms/): one value per form definition; the first is the default.
  reportForm: ["Кировский район Ленинградской области", "Новокузнецк"],
  // Справка о реализации проекта (template version 2).
  monitoringGroup: ["Школы с НОР", "Школы-лидеры", "Методические службы", "Все участники"],
} as const;

export type EnumName = keyof typeof ENUMS;

export interface ColumnDef {
  readonly key: string;
  readonly header: string;
  readonly kind: ValueKind;
  readonly enumName?: EnumName;
  /** Column width in characters (xlsx) — pixels are derived for Sheets. */
  readonly width: number;
  /** Shown as a note on the header cell. */
  readonly hint?: string;
  /** The template version that added the column (absent: the first). An upgrade inserts it. */
  readonly since?: string;
}

export interface FieldDef {
  readonly key: string;
  readonly label: string;
  readonly kind: ValueKind;
  readonly required: boolean;
  readonly enumName?: EnumName;
  readonly hint: string;
  readonly defaultValue?: string;
}

interface TabBase<K extends string> {
  readonly key: K;
  readonly title: string;
  /** One line shown to the user about what the tab is for. */
  readonly purpose: string;
}

export interface TableTabDef<K extends string = string> extends TabBase<K> {
  readonly type: "table";
  readonly columns: readonly ColumnDef[];
}

export interface KeyValueTabDef<K extends string = string> extends TabBase<K> {
  readonly type: "keyValue";
  readonly fields: readonly FieldDef[];
}

export type TabDef = TableTabDef | KeyValueTabDef;

/** Headers of every key-value tab. */
export const KEY_VALUE_HEADERS = ["Поле", "Значение", "Подсказка"] as const;

// The key stays a literal type, so ColumnKey / FieldKey are each tab's exact keys.
const c = <K extends string>(
  key: K,
  header: string,
  kind: ValueKind,
  width: number,
  extra: { enumName?: EnumName; hint?: string; since?: string } = {},
): ColumnDef & { readonly key: K } => ({ key, header, kind, width, ...extra });

const f = <K extends string>(
  key: K,
  label: string,
  kind: ValueKind,
  required: boolean,
  hint: string,
  extra: { enumName?: EnumName; defaultValue?: string } = {},
): FieldDef & { readonly key: K } => ({ key, label, kind, required, hint, ...extra });

/** Version 3: a school's row names the committee's roadmap item it carries out (src/core/roadmap/). */
const ROADMAP_ITEM_HINT = "Номер пункта дорожной карты комитета, например 8.1.2; несколько — через запятую";

const ISSUER_HINT =
  "В родительном падеже, как в отчёте после вида документа: комитета образования, МОУ «СОШ № 4» " +
  "(«Распоряжение комитета образования от 20.10.2021 г. №964-р»)";

const TERM_HINT = "Срок как пишут люди: 24.02, 03.03-10.03, Май, Март – июнь 2021, до 15.09.2023, постоянно";

export const GENERAL = {
  key: "general",
  title: "Общие сведения",
  type: "keyValue",
  purpose: "Сведения об организации, руководителе и проекте — шапка отчёта.",
  fields: [
    f("report_type", "Вид отчёта", "enum", true, "Промежуточный или Итоговый", { enumName: "reportType" }),
    f("period", "Отчётный период", "period", true, "Например: 2022, 2019-2020 учебный год, 01.09.2020-31.08.2021"),
    f("report_date", "Дата отчёта", "date", false, "Дата в формате ДД.ММ.ГГГГ; если пусто — сегодняшняя"),
    f(
      "org_full_name",
      "Полное наименование организации",
      "text",
      true,
      "Как в уставе: Муниципальное общеобразовательное учреждение «…»",
    ),
    f("org_short_name", "Сокращённое наименование", "text", true, "Например: МОУ «СОШ № 4»"),
    f("municipality", "Муниципальное образование", "text", true, "Например: Озёрский муниципальный район"),
    f("address", "Адрес", "text", false, "Почтовый адрес организации"),
    f("phone", "Телефон", "text", false, "Например: 8 (81379) 3-12-45"),
    f("email", "Электронная почта", "email", false, "Например: school4@example.ru"),
    f("website", "Сайт", "url", false, "Адрес сайта, начиная с https://"),
    f("status_order", "Приказ о присвоении статуса МИП", "text", false, "Вид, дата и номер документа"),
    f("leader", "Руководитель МИП (ФИО)", "fio", true, "Фамилия Имя Отчество полностью"),
    f("leader_position", "Должность руководителя", "text", true, "Например: директор"),
    f("coordinator", "Координатор (ФИО)", "fio", true, "Фамилия Имя Отчество полностью"),
    f("coordinator_position", "Должность координатора", "text", false, "Например: заместитель директора по УВР"),
    f("consultant", "Научный консультант", "text", false, "ФИО, степень, место работы"),
    f("approver", "Утверждающий (должность, ФИО)", "text", false, "Если заполнено, в отчёте будет гриф «УТВЕРЖДАЮ»"),
    f("complex", "Инновационный комплекс / направление", "text", false, "Направление инновационной деятельности"),
    f("topic", "Тема", "longtext", true, "Тема инновационной образовательной деятельности"),
    f("goal", "Цель", "longtext", true, "Цель (цели) ИОД"),
    f("partner", "Организация-партнёр и её функции", "longtext", false, "Если партнёра нет, напишите «нет»"),
    f(
      "declared_participants",
      "Общее число участников (заявлено)",
      "intOrMore",
      false,
      "Число или >N; сверяется с вкладкой «Участники»",
    ),
    f("declared_mentors", "Заявлено наставников", "int", false, "Сверяется с вкладкой «Наставничество»"),
    f("declared_mentees", "Заявлено наставляемых", "int", false, "Сверяется с вкладкой «Наставничество»"),
    f("declared_pairs", "Заявлено наставнических пар", "int", false, "Сверяется с вкладкой «Наставничество»"),
    // Version 2: what the report forms (src/core/report/forms/) print beyond version 1.
    f(
      "current_stage",
      "Текущий этап",
      "text",
      false,
      "Этап, на который приходится отчётный период; если пусто — по вкладке «Этапы»",
    ),
    f(
      "social_partners",
      "Социальные партнёры (названия)",
      "longtext",
      false,
      "Организации-партнёры словами, с договорами и соглашениями",
    ),
  ],
} as const satisfies KeyValueTabDef<"general">;

export const TASKS = {
  key: "tasks",
  title: "Задачи",
  type: "table",
  purpose: "Задачи проекта по порядку.",
  columns: [c("no", "№", "outline", 6), c("task", "Задача", "longtext", 80)],
} as const satisfies TableTabDef<"tasks">;

export const STAGES = {
  key: "stages",
  title: "Этапы",
  type: "table",
  purpose: "Этапы проекта со сроками и итогами.",
  columns: [
    c("no", "№", "outline", 6),
    c("name", "Этап", "text", 28, { hint: "Например: подготовительный" }),
    c("start", "Начало", "monthOrDate", 14, { hint: "Дата или месяц с годом: январь 2021" }),
    c("end", "Окончание", "monthOrDate", 14, { hint: "Дата или месяц с годом: сентябрь 2021" }),
    c("tasks", "Задачи этапа", "longtext", 40),
    c("results", "Итоги этапа", "longtext", 40, { hint: "Заполняется для завершённых этапов" }),
  ],
} as const satisfies TableTabDef<"stages">;

export const PLAN = {
  key: "plan",
  title: "План-факт",
  type: "table",
  purpose: "Календарный план и что сделано на самом деле.",
  columns: [
    c("no", "№", "outline", 7, { hint: "Иерархический номер: 1, 2, 2.1, 8.1.3" }),
    c("task_no", "Задача №", "text", 9, { hint: "Номер задачи с вкладки «Задачи»" }),
    c("activity", "Мероприятие (план)", "longtext", 40),
    c("term", "Срок", "term", 16, { hint: TERM_HINT }),
    c("executors", "Исполнители", "text", 22),
    c("responsible", "Ответственный", "text", 20),
    c("fact", "Фактическое содержание", "longtext", 40),
    c("status", "Статус", "enum", 18, { enumName: "planStatus" }),
    c("plan_qty", "План, кол-во", "number", 10, { hint: "Сколько запланировано (занятий, мероприятий)" }),
    c("fact_qty", "Факт, кол-во", "number", 10, { hint: "Сколько проведено" }),
    c("reason", "Причины отклонения", "longtext", 28, {
      hint: "Обязательно при статусах «Выполнено частично», «Не выполнено», «Перенесено»",
    }),
    c("action", "Управленческие действия", "longtext", 28, { hint: "Что сделано для корректировки" }),
    c("document", "Подтверждающий документ", "text", 26),
    c("roadmap_item", "Пункт дорожной карты", "text", 14, { hint: ROADMAP_ITEM_HINT, since: "3" }),
  ],
} as const satisfies TableTabDef<"plan">;

const RESULTS = {
  key: "results",
  title: "Результаты",
  type: "table",
  purpose: "Прогнозируемые и фактические результаты и продукты.",
  columns: [
    c("activity", "Мероприятие / задача", "longtext", 34),
    c("forecast_result", "Прогнозируемый результат", "longtext", 30),
    c("actual_result", "Фактический результат", "longtext", 30),
    c("forecast_product", "Прогнозируемый продукт", "longtext", 26),
    c("actual_product", "Фактический продукт", "longtext", 26),
  ],
} as const satisfies TableTabDef<"results">;

export const ORGS = {
  key: "orgs",
  title: "Организации",
  type: "table",
  purpose: "Организации — участники проекта; на них ссылается вкладка «Наставничество».",
  columns: [
    c("name", "Организация", "text", 36),
    c("type", "Тип", "enum", 22, { enumName: "orgType" }),
    c("municipality", "Муниципалитет", "text", 22),
    c("contact", "Контактное лицо", "text", 26),
  ],
} as const satisfies TableTabDef<"orgs">;

export const MENTORING = {
  key: "mentoring",
  title: "Наставничество",
  type: "table",
  purpose: "Одна строка — одна пара «наставник — наставляемый».",
  columns: [
    c("no", "№", "outline", 6),
    c("mentor", "Наставник", "fio", 24),
    c("mentor_org", "Организация наставника", "text", 26, { hint: "Название с вкладки «Организации»" }),
    c("subject", "Предмет / направление", "text", 18),
    c("mentee", "Наставляемый", "fio", 24),
    c("mentee_org", "Организация наставляемого", "text", 26, { hint: "Название с вкладки «Организации»" }),
    c("form", "Форма", "enum", 22, { enumName: "mentoringForm" }),
    c("start", "Начало", "date", 12),
    c("end", "Окончание", "date", 12),
    c("status", "Статус", "enum", 16, { enumName: "pairStatus" }),
    c("not_held_reason", "Причина, если не состоялась", "longtext", 26),
    c("comment", "Комментарий", "longtext", 24),
  ],
} as const satisfies TableTabDef<"mentoring">;

export const PARTICIPANTS = {
  key: "participants",
  title: "Участники",
  type: "table",
  purpose: "Сколько участников каждой категории.",
  columns: [
    c("category", "Категория", "enum", 28, { enumName: "participantCategory" }),
    c("count", "Количество", "int", 12),
    c("role", "Роль в проекте", "longtext", 40),
  ],
} as const satisfies TableTabDef<"participants">;

const TRAINING = {
  key: "training",
  title: "Повышение квалификации",
  type: "table",
  purpose: "Курсы и обучение педагогов — участников проекта.",
  columns: [
    c("count", "Количество педагогов", "int", 12),
    c("percent", "% от общего количества", "percent", 12, { hint: "Доля от числа педагогов на вкладке «Участники»" }),
    c("kind", "Вид", "text", 18),
    c("topic", "Тема", "longtext", 36),
    c("place", "Место", "text", 22),
    c("term", "Срок", "term", 16, { hint: TERM_HINT }),
  ],
} as const satisfies TableTabDef<"training">;

export const STAFF = {
  key: "staff",
  title: "Кадры",
  type: "table",
  purpose: "Кадровое обеспечение проекта.",
  columns: [
    c("name", "ФИО", "fio", 26),
    c("position", "Должность, образование, степень, звание", "longtext", 36),
    c("role", "Функционал в проекте", "longtext", 36),
    c("management", "Входит в орган управления", "enum", 14, {
      enumName: "yesNo",
      since: "2",
      hint: "Да — член координационного (методического) совета проекта",
    }),
  ],
} as const satisfies TableTabDef<"staff">;

const DOCUMENTS = {
  key: "documents",
  title: "Документы",
  type: "table",
  purpose: "Нормативные и распорядительные документы проекта.",
  columns: [
    c("kind", "Вид", "enum", 16, { enumName: "documentKind" }),
    c("date", "Дата", "date", 12),
    c("number", "Номер", "text", 10),
    c("title", "Название", "longtext", 44),
    c("rationale", "Обоснование применения", "longtext", 36),
    // The Кировский form names each order with its issuer: «Распоряжение комитета образования от …».
    c("issuer", "Кем издан", "text", 26, { hint: ISSUER_HINT, since: "4" }),
  ],
} as const satisfies TableTabDef<"documents">;

export const DISSEMINATION = {
  key: "dissemination",
  title: "Распространение опыта",
  type: "table",
  purpose: "Мероприятия, где представлен опыт проекта.",
  columns: [
    c("kind", "Вид мероприятия", "text", 18),
    c("name", "Название", "longtext", 34),
    c("level", "Уровень", "enum", 16, { enumName: "level" }),
    c("date", "Дата", "term", 12),
    c("teachers", "Педагоги", "int", 10),
    c("students", "Обучающиеся", "int", 10),
    c("parents", "Родители", "int", 10),
    c("partners", "Социальные партнёры", "int", 10),
    c("product", "Представленный продукт", "longtext", 26),
    c("expert", "Внешняя экспертная оценка", "longtext", 22),
  ],
} as const satisfies TableTabDef<"dissemination">;

export const INTERNAL_EVENTS = {
  key: "internal_events",
  title: "Мероприятия МИП",
  type: "table",
  purpose: "Мероприятия внутри организации в рамках МИП.",
  columns: [
    c("kind", "Вид мероприятия", "text", 18),
    c("name", "Название", "longtext", 36),
    c("date", "Дата", "term", 12),
    c("attendees", "Количество присутствующих", "int", 12),
    c("product", "Представленный продукт", "longtext", 28),
    c("level", "Уровень", "enum", 16, { enumName: "level", since: "2" }),
    c("roadmap_item", "Пункт дорожной карты", "text", 14, { hint: ROADMAP_ITEM_HINT, since: "3" }),
  ],
} as const satisfies TableTabDef<"internal_events">;

export const CONTESTS = {
  key: "contests",
  title: "Конкурсы",
  type: "table",
  purpose: "Участие в конкурсах, фестивалях, смотрах.",
  columns: [
    c("kind", "Вид", "text", 16),
    c("name", "Название", "longtext", 32),
    c("level", "Уровень", "enum", 16, { enumName: "level" }),
    c("participants", "Участники (ФИО, должность)", "longtext", 28),
    c("product", "Представленный продукт", "longtext", 24),
    c("result", "Результат", "enum", 14, { enumName: "contestResult" }),
    c("support", "Сопровождение (ФИО, должность)", "longtext", 26),
  ],
} as const satisfies TableTabDef<"contests">;

export const SPEECHES = {
  key: "speeches",
  title: "Выступления",
  type: "table",
  purpose: "Выступления по теме проекта.",
  columns: [
    c("level", "Уровень", "enum", 16, { enumName: "level" }),
    c("date", "Дата", "date", 12),
    c("place", "Место / мероприятие", "longtext", 30),
    c("topic", "Тема", "longtext", 36),
    c("speaker", "Выступающий", "text", 24),
  ],
} as const satisfies TableTabDef<"speeches">;

export const PUBLICATIONS = {
  key: "publications",
  title: "Публикации",
  type: "table",
  purpose: "Публикации по теме проекта.",
  columns: [
    c("authors", "Автор(ы)", "text", 26),
    c("title", "Название", "longtext", 34),
    c("source", "Издание / ресурс", "text", 26),
    c("level", "Уровень", "enum", 16, { enumName: "level" }),
    c("date", "Дата", "date", 12),
    c("link", "Ссылка", "url", 26),
  ],
} as const satisfies TableTabDef<"publications">;

export const PROBLEMS = {
  key: "problems",
  title: "Затруднения",
  type: "table",
  purpose: "Затруднения и пути их решения (форма требует не меньше трёх).",
  columns: [
    c("problem", "Затруднение (проблема)", "longtext", 40),
    c("solution", "Пути решения", "longtext", 40),
    c("outcome", "Итог", "enum", 18, { enumName: "problemOutcome" }),
  ],
} as const satisfies TableTabDef<"problems">;

export const CONCLUSIONS = {
  key: "conclusions",
  title: "Выводы",
  type: "keyValue",
  purpose: "Тексты разделов 2.8, 4, 5 и 6 отчёта.",
  fields: [
    f("management_body", "Орган управления инновационной деятельностью", "longtext", false, "Кто управляет ИОД"),
    f("pd_system", "Система повышения квалификации", "longtext", false, "Как устроено повышение квалификации"),
    f("trajectories", "Индивидуальные траектории развития педагогов", "longtext", false, "Планы, сайты, портфолио"),
    f("network", "Сетевое взаимодействие", "longtext", false, "Договоры и соглашения"),
    f(
      "site_info",
      "Информация на сайте (ссылка, частота обновления)",
      "longtext",
      false,
      "Ссылка и как часто обновляется",
    ),
    f("effects_social", "Эффекты: социальные", "longtext", false, "Раздел 4.1"),
    f("effects_tech", "Эффекты: технологические", "longtext", false, "Раздел 4.1"),
    f("effects_econ", "Эффекты: экономические", "longtext", false, "Раздел 4.1"),
    f("effects_other", "Эффекты: другое", "longtext", false, "Раздел 4.1"),
    f("significance", "Практическая значимость", "longtext", false, "Раздел 4.2"),
    f(
      "conclusion",
      "Общий вывод (не более 2000 знаков)",
      "longtext",
      false,
      "Раздел 4.3; обязателен в итоговом отчёте",
    ),
    f("extension", "Продление статуса МИП (обоснование)", "longtext", false, "Раздел 5.1"),
    f("next_tasks", "Задачи на следующий год", "longtext", false, "Раздел 5.2"),
    f("proposals", "Предложения по распространению опыта", "longtext", false, "Раздел 6"),
    // Version 2.
    f(
      "normative_analysis",
      "Анализ нормативно-правовой обеспеченности",
      "longtext",
      false,
      "Процент обновления нормативной базы, обоснование локальных актов",
    ),
    f(
      "consequences",
      "Заключения о положительных и отрицательных последствиях",
      "longtext",
      false,
      "Последствия проводимых изменений по ходу этапов",
    ),
    f(
      "product_bank",
      "Перечень материалов в банке инновационных продуктов",
      "longtext",
      false,
      "По одному материалу на строку",
    ),
  ],
} as const satisfies KeyValueTabDef<"conclusions">;

export const SETTINGS = {
  key: "settings",
  title: "Настройки",
  type: "keyValue",
  purpose: "Настройки проверки и отчёта.",
  fields: [
    f("max_mentees", "Максимум наставляемых у одного наставника", "int", false, "По умолчанию 5", {
      defaultValue: "5",
    }),
    f("strict", "Не формировать отчёт при ошибках", "enum", false, "Да — отчёт не формируется, пока есть ошибки", {
      enumName: "yesNo",
      defaultValue: "Нет",
    }),
    f(
      "report_folder",
      "Папка для отчётов (ссылка или ID)",
      "text",
      false,
      "Если пусто — «Отчёты МИП» на вашем Диске. Другая папка — только созданная дополнением; " +
        "mip report кладёт отчёт рядом с файлом",
    ),
    f("orientation", "Ориентация страниц отчёта", "enum", false, "Альбомная удобна для широкой таблицы план-факт", {
      enumName: "orientation",
      defaultValue: "Книжная",
    }),
    f("report_form", "Форма отчёта", "enum", false, "Форма, которую требует комитет вашего муниципалитета", {
      enumName: "reportForm",
      defaultValue: "Кировский район Ленинградской области",
    }),
  ],
} as const satisfies KeyValueTabDef<"settings">;

// ── Справка о реализации проекта (template version 2) ─────────────────────────────────
// What the committee's справка needs and the school report never had: the monitoring's
// figures, the recommendations with addressees and deadlines, and who signs.

export const MONITORING = {
  key: "monitoring",
  title: "Мониторинг",
  type: "table",
  purpose: "Итоги мониторинга участников проекта: показатель, группа школ, значение и шкала.",
  columns: [
    c("indicator", "Показатель", "longtext", 40, {
      hint: "Например: удовлетворённость совместной работой со школой-наставником",
    }),
    c("group", "Группа школ", "enum", 18, { enumName: "monitoringGroup" }),
    c("value", "Значение", "number", 10, { hint: "Число: 3,67 или 96" }),
    c("scale", "Шкала (максимум)", "number", 10, {
      hint: "Наибольшее возможное значение: 5 для пятибалльной шкалы, 100 для баллов из ста",
    }),
    c("respondents", "Ответили", "text", 14, { hint: "Сколько участников ответили, например: 7 из 8 школ" }),
    c("detail", "Расшифровка", "longtext", 36, { hint: "Например: одна оценка «5», три оценки «4», три оценки «3»" }),
  ],
} as const satisfies TableTabDef<"monitoring">;

export const RECOMMENDATIONS = {
  key: "recommendations",
  title: "Рекомендации",
  type: "table",
  purpose: "Рекомендации по итогам проекта: кому, что и в какой срок.",
  columns: [
    c("no", "№", "outline", 6),
    c("addressee", "Адресат", "text", 30, {
      hint: "Кому: руководителям общеобразовательных учреждений, муниципальной методической службе…",
    }),
    c("text", "Рекомендация", "longtext", 56),
    // Text, not a term column: a deadline lies after the reporting period by nature, so the
    // period check of the TERM rules does not apply; REC_DEADLINE_INVALID reads it instead.
    c("deadline", "Срок", "text", 18, { hint: "Например: до 15.09.2023, 01.09.2023, постоянно" }),
  ],
} as const satisfies TableTabDef<"recommendations">;

export const SPRAVKA = {
  key: "spravka",
  title: "Справка о проекте",
  type: "keyValue",
  purpose: "Подпись и выводы справки о реализации проекта.",
  fields: [
    f(
      "signer_position",
      "Должность подписывающего справку",
      "text",
      false,
      "Например: методист МОУ ДО «Центр развития образования»",
    ),
    f(
      "signer_name",
      "ФИО подписывающего справку",
      "fio",
      false,
      "Фамилия Имя Отчество полностью; в справке — «Фамилия И.О.»",
    ),
    f(
      "conclusions",
      "Выводы справки",
      "longtext",
      false,
      "Каждый вывод с новой строки; если пусто — «Общий вывод» с вкладки «Выводы»",
    ),
  ],
} as const satisfies KeyValueTabDef<"spravka">;

/** Every tab in template order. */
export const TABS = [
  GENERAL,
  TASKS,
  STAGES,
  PLAN,
  RESULTS,
  ORGS,
  MENTORING,
  PARTICIPANTS,
  TRAINING,
  STAFF,
  DOCUMENTS,
  DISSEMINATION,
  INTERNAL_EVENTS,
  CONTESTS,
  SPEECHES,
  PUBLICATIONS,
  PROBLEMS,
  CONCLUSIONS,
  MONITORING,
  RECOMMENDATIONS,
  SPRAVKA,
  SETTINGS,
] as const;

export type TabKey = (typeof TABS)[number]["key"];
type TableTab = Extract<(typeof TABS)[number], { type: "table" }>;
export type TableTabKey = TableTab["key"];
type KeyValueTab = Extract<(typeof TABS)[number], { type: "keyValue" }>;
export type KeyValueTabKey = KeyValueTab["key"];

/** Column keys of one table tab, as a string union. */
export type ColumnKey<K extends TableTabKey> = Extract<TableTab, { key: K }>["columns"][number]["key"];
/** Field keys of one key-value tab. */
export type FieldKey<K extends KeyValueTabKey> = Extract<KeyValueTab, { key: K }>["fields"][number]["key"];

export type GeneralKey = FieldKey<"general">;
export type ConclusionKey = FieldKey<"conclusions">;

// ---------------------------------------------------------------------------------------------
// What list values mean. The rules, the metrics, the report and the committee read these
// meanings from here, so a status counts the same way everywhere.

/** Plan statuses that are deviations from the plan (RULES «Plan versus fact»). */
export const PLAN_DEVIATION_STATUSES: ReadonlySet<string> = new Set([
  "Выполнено частично",
  "Не выполнено",
  "Перенесено",
]);
/** The plan status of a row done as planned. */
export const PLAN_DONE = "Выполнено";
/** An activity done without being planned: not a commitment the plan's execution is measured by. */
export const PLAN_UNPLANNED = "Вне плана";
/** The pair status of a pair that never happened: left out of people, subjects and loads. */
export const PAIR_NOT_HELD = "Не состоялась";
/** Pair statuses that need a reason (MENT_NOT_HELD_REASON). */
export const PAIR_NEEDS_REASON: ReadonlySet<string> = new Set(["Не состоялась", "Приостановлена"]);
/** Pairs that work or worked («действующих и завершённых»). */
export const PAIR_ACTIVE_STATUSES: ReadonlySet<string> = new Set(["Активна", "Завершена"]);
/** Pairs that count towards a mentor's current load (with pairs whose status is empty). */
export const PAIR_CURRENT_STATUSES: ReadonlySet<string> = new Set(["Активна", "Планируется"]);
/** The subject line for held pairs whose subject is empty or unreadable, so subjects add up to the pairs. */
export const NO_SUBJECT = "Предмет не указан";
export const REPORT_TYPE_FINAL = "Итоговый";
export const REPORT_TYPE_INTERIM = "Промежуточный";
export const YES = "Да";
