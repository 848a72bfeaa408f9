/**
 * A fluent builder of workbook grids for tests. cleanWorkbook() is a small, coherent and
 * fully valid network-mentoring project with invented names: validating it gives no
 * findings at all. Tests replace, patch or add rows to make one rule fire.
 *
 *   const grid = cleanWorkbook().patch("plan", 0, { status: "Не выполнено" }).build();
 */
import type { Cell, WorkbookGrid } from "../../src/core/grid.js";
import type { Issue, RuleId } from "../../src/core/issues.js";
import {
  type ColumnKey,
  type FieldKey,
  type KeyValueTabKey,
  type TabKey,
  type TableTabKey,
  KEY_VALUE_HEADERS,
  TABS,
  TEMPLATE_VERSION,
} from "../../src/core/schema.js";
import { type ValidateOptions, type ValidationResult, validateWorkbook } from "../../src/core/validate.js";

/**
 * One data row of tab K by column key; missing keys are empty cells. The keys are the schema's
 * (src/core/schema.ts), so a misspelt column fails to compile instead of leaving a cell empty.
 */
export type RowSpec<K extends TableTabKey = TableTabKey> = { readonly [C in ColumnKey<K>]?: Cell };

/** Key-value fields of tab K by field key, checked like RowSpec. */
export type FieldSpec<K extends KeyValueTabKey = KeyValueTabKey> = { readonly [F in FieldKey<K>]?: Cell };

type TableSpecs = { readonly [K in TableTabKey]?: readonly RowSpec<K>[] };
type FieldSpecs = { readonly [K in KeyValueTabKey]?: FieldSpec<K> };
/** A whole workbook by tab key: rows for table tabs, fields for key-value tabs. */
export type WorkbookSpec = TableSpecs & FieldSpecs;
/** Rows and fields as the builder keeps them (keys were checked on the way in). */
type LooseRow = Readonly<Record<string, Cell | undefined>>;

/** Report date and «today» the clean workbook is validated with. */
export const CLEAN_REPORT_DATE = "2022-12-20";
export const CLEAN_OPTIONS: ValidateOptions = { today: CLEAN_REPORT_DATE };

export const LEADER = "Соколова Марина Игоревна";

const CLEAN_TABLES: TableSpecs = {
  tasks: [
    { no: "1", task: "Диагностика затруднений педагогов школ с НОР" },
    { no: "2", task: "Организация сетевого наставничества по предметам" },
    { no: "3", task: "Создание среды, поддерживающей качественное обучение" },
  ],
  stages: [
    {
      no: "1",
      name: "Подготовительный",
      start: "январь 2021",
      end: "сентябрь 2021",
      tasks: "Нормативная база",
      results: "Утверждён проект",
    },
    { no: "2", name: "Практический", start: "октябрь 2021", end: "декабрь 2022", tasks: "Работа пар", results: "" },
    { no: "3", name: "Обобщающий", start: "январь 2023", end: "май 2023", tasks: "Обобщение опыта", results: "" },
  ],
  plan: [
    {
      no: "1",
      task_no: "1",
      activity: "Вебинары для педагогов школ с НОР",
      term: "10.02-25.02",
      executors: "Педагоги школ",
      responsible: "Соколова М.И.",
      fact: "Проведены два вебинара",
      status: "Выполнено",
      plan_qty: 2,
      fact_qty: 2,
      reason: "Отклонений нет",
      action: "-",
      document: "Протокол № 1",
    },
    {
      no: "2",
      task_no: "2",
      activity: "Сетевое наставничество по предметам",
      term: "10.03-28.12",
      executors: "Наставники",
      responsible: "Соколова М.И.",
    },
    {
      no: "2.1",
      task_no: "2",
      activity: "Закрепление наставников за учителями",
      term: "14.03-18.03",
      executors: "Методисты",
      responsible: "Грачёв П.С.",
      fact: "Закреплены три пары",
      status: "Выполнено",
      plan_qty: 3,
      fact_qty: 3,
    },
    {
      no: "2.2",
      task_no: "2",
      activity: "Открытые уроки наставников",
      term: "Апрель, май",
      executors: "Наставники",
      responsible: "Грачёв П.С.",
      fact: "Проведены 4 урока из 6",
      status: "Выполнено частично",
      plan_qty: 6,
      fact_qty: 4,
      reason: "Болезнь учителя математики",
      action: "Уроки перенесены на сентябрь",
    },
    {
      no: "3",
      task_no: "3",
      activity: "Работа психологической гостиной",
      term: "Февраль-ноябрь",
      executors: "Педагог-психолог",
      responsible: "Лебедева Н.А.",
      fact: "Проведены семь занятий",
      status: "Выполнено",
      plan_qty: 7,
      fact_qty: "7 занятий",
    },
    {
      no: "4",
      task_no: "3",
      activity: "Итоговая конференция проекта",
      term: "в течение года",
      executors: "Все участники",
      responsible: "Соколова М.И.",
      status: "В работе",
    },
    {
      no: "",
      task_no: "",
      activity: "Семинар для родителей",
      term: "15.11",
      executors: "Классные руководители",
      responsible: "Лебедева Н.А.",
      fact: "Проведён семинар",
      status: "Вне плана",
    },
  ],
  results: [
    {
      activity: "Наставничество",
      forecast_result: "Рост результатов ВПР",
      actual_result: "Доля двоек снизилась",
      forecast_product: "Методические рекомендации",
      actual_product: "Сборник рекомендаций",
    },
  ],
  orgs: [
    { name: "МОУ «СОШ № 4»", type: "Школа-лидер", municipality: "Озёрский район", contact: "Соколова М.И." },
    { name: "МОУ «Лесная СОШ»", type: "Школа с НОР", municipality: "Озёрский район", contact: "Ершов К.Л." },
    { name: "МОУ «Речная ООШ»", type: "Школа с НОР", municipality: "Озёрский район", contact: "Фомина Т.Г." },
    { name: "МОУ «Озёрная СОШ»", type: "Школа с НОР", municipality: "Озёрский район", contact: "Титов Р.Е." },
    {
      name: "МКУ «Центр диагностики»",
      type: "Центр диагностики",
      municipality: "Озёрский район",
      contact: "Жукова Л.М.",
    },
  ],
  mentoring: [
    {
      no: "1",
      mentor: "Петрова Ольга Викторовна",
      mentor_org: "МОУ «СОШ № 4»",
      subject: "Русский язык",
      mentee: "Смирнова Анна Сергеевна",
      mentee_org: "МОУ «Лесная СОШ»",
      form: "Учитель – учитель",
      start: "01.10.2021",
      end: "",
      status: "Активна",
    },
    {
      no: "2",
      mentor: "Петрова Ольга Викторовна",
      mentor_org: "МОУ «СОШ № 4»",
      subject: "Русский язык",
      mentee: "Кузнецова Мария Ильинична",
      mentee_org: "МОУ «Речная ООШ»",
      form: "Учитель – учитель",
      start: "01.10.2021",
      end: "",
      status: "Активна",
    },
    {
      no: "3",
      mentor: "Волков Андрей Николаевич",
      mentor_org: 'МОУ "СОШ №4"',
      subject: "Математика",
      mentee: "Белова Елена Павловна",
      mentee_org: "МОУ «Озерная СОШ»",
      form: "Учитель - учитель",
      start: "01.10.2021",
      end: "31.05.2022",
      status: "Завершена",
    },
    {
      no: "4",
      mentor: "Зайцева Ирина Андреевна",
      mentor_org: "МОУ «СОШ № 4»",
      subject: "Химия",
      mentee: "Орлова Светлана Юрьевна",
      mentee_org: "МОУ «Лесная СОШ»",
      form: "Учитель – учитель",
      start: "",
      end: "",
      status: "Не состоялась",
      not_held_reason: "Длительная болезнь наставника",
    },
  ],
  participants: [
    { category: "Педагоги", count: 12, role: "Наставляемые и наставники" },
    { category: "Руководители", count: 4, role: "Управление проектом" },
    { category: "Учащиеся (воспитанники)", count: 120, role: "Участники занятий" },
    { category: "Родители", count: 30, role: "Участники семинаров" },
  ],
  training: [
    {
      count: 3,
      percent: 25,
      kind: "Курсы",
      topic: "Наставничество в образовании",
      place: "Институт развития образования",
      term: "Март 2022",
    },
  ],
  staff: [
    { name: "Соколова М. И.", position: "Директор, высшее педагогическое", role: "Руководитель проекта" },
    { name: "Грачёв Павел Сергеевич", position: "Заместитель директора по УВР", role: "Координатор" },
  ],
  documents: [
    {
      kind: "Приказ",
      date: "15.01.2022",
      number: "12-о",
      title: "О реализации проекта в 2022 году",
      rationale: "Организация работы",
    },
    {
      kind: "Положение",
      date: "20.01.2022",
      number: "",
      title: "Положение о сетевом наставничестве",
      rationale: "Порядок работы пар",
    },
  ],
  dissemination: [
    {
      kind: "Семинар",
      name: "Наставничество: первые итоги",
      level: "Муниципальный",
      date: "12.04.2022",
      teachers: 25,
      students: 0,
      parents: "",
      partners: 2,
      product: "Презентация",
      expert: "",
    },
  ],
  internal_events: [
    {
      kind: "Педсовет",
      name: "Итоги первого полугодия",
      date: "30.08.2022",
      attendees: 40,
      product: "Решение педсовета",
    },
  ],
  contests: [
    {
      kind: "Конкурс",
      name: "Педагог года",
      level: "Муниципальный",
      participants: "Белова Е.П., учитель",
      product: "Урок",
      result: "Призёр",
      support: "Волков А.Н.",
    },
  ],
  speeches: [
    {
      level: "Региональный",
      date: "15.11.2022",
      place: "Региональная конференция",
      topic: "Опыт сетевого наставничества",
      speaker: "Петрова О.В.",
    },
  ],
  publications: [
    {
      authors: "Петрова О.В.",
      title: "Наставник и наставляемый",
      source: "Сборник статей",
      level: "Региональный",
      date: "01.06.2022",
      link: "https://example.ru/pub",
    },
  ],
  problems: [
    { problem: "Недостаток времени у наставников", solution: "Методический день", outcome: "Работа продолжена" },
    { problem: "Слабая мотивация педагогов", solution: "Семинары-практикумы", outcome: "Не устранено" },
    { problem: "Трудности выездов в школы", solution: "Дистанционные встречи", outcome: "Устранено" },
  ],
};

const CLEAN_FIELDS: FieldSpecs = {
  general: {
    report_type: "Промежуточный",
    period: "2022",
    report_date: "20.12.2022",
    org_full_name: "Муниципальное общеобразовательное учреждение «Средняя общеобразовательная школа № 4»",
    org_short_name: "МОУ «СОШ № 4»",
    municipality: "Озёрский муниципальный район",
    address: "Озёрск, ул. Лесная, 4",
    phone: "8 (81379) 3-12-45",
    email: "school4@example.ru",
    website: "https://school4.example.ru",
    status_order: "Распоряжение от 10.12.2020 № 100-р",
    leader: LEADER,
    leader_position: "директор",
    coordinator: "Грачёв Павел Сергеевич",
    coordinator_position: "заместитель директора по УВР",
    consultant: "",
    approver: "",
    complex: "Сетевое наставничество",
    topic: "Сетевое наставничество школ с разными результатами",
    goal: "Переход школ с НОР в эффективный режим работы",
    partner: "нет",
    declared_participants: 166,
    declared_mentors: 2,
    declared_mentees: 3,
    declared_pairs: 3,
  },
  conclusions: {
    management_body: "Методический совет",
    pd_system: "Курсы и семинары",
    trajectories: "Индивидуальные планы",
    network: "Договоры о сетевом взаимодействии",
    site_info: "https://school4.example.ru/mip, раз в месяц",
    effects_social: "Рост мотивации",
    effects_tech: "Новые формы уроков",
    effects_econ: "—",
    effects_other: "",
    significance: "Модель наставничества для района",
    conclusion: "Проект выполняется по плану.",
    extension: "",
    next_tasks: "Расширить число пар",
    proposals: "Муниципальный семинар",
  },
  settings: { max_mentees: 5, strict: "Нет", report_folder: "", orientation: "Книжная" },
};

export class GridBuilder {
  private readonly tables = new Map<TableTabKey, LooseRow[]>();
  private readonly fields = new Map<KeyValueTabKey, LooseRow>();
  private readonly missing = new Set<TabKey>();
  private readonly rawRows = new Map<TabKey, Cell[][]>();
  private readonly headerOverrides = new Map<TabKey, Cell[]>();

  constructor(tables: TableSpecs = {}, fields: FieldSpecs = {}) {
    for (const [k, rows] of Object.entries(tables))
      this.tables.set(
        k as TableTabKey,
        (rows as readonly LooseRow[]).map((r) => ({ ...r })),
      );
    for (const [k, f] of Object.entries(fields)) this.fields.set(k as KeyValueTabKey, { ...(f as LooseRow) });
  }

  /** Replace every data row of a table tab. */
  rows<K extends TableTabKey>(tab: K, rows: readonly RowSpec<K>[]): this {
    this.tables.set(
      tab,
      rows.map((r) => ({ ...r })),
    );
    return this;
  }

  /** Append rows to a table tab. */
  add<K extends TableTabKey>(tab: K, ...rows: RowSpec<K>[]): this {
    this.tables.set(tab, [...(this.tables.get(tab) ?? []), ...rows]);
    return this;
  }

  /** Change some cells of one data row (0-based data index). */
  patch<K extends TableTabKey>(tab: K, index: number, cells: RowSpec<K>): this {
    const rows = this.tables.get(tab) ?? [];
    rows[index] = { ...(rows[index] ?? {}), ...cells };
    this.tables.set(tab, rows);
    return this;
  }

  /** Set one key-value field. */
  field<K extends KeyValueTabKey>(tab: K, key: FieldKey<K>, value: Cell): this {
    this.fields.set(tab, { ...(this.fields.get(tab) ?? {}), [key]: value });
    return this;
  }

  /** Leave a tab out of the workbook. */
  without(tab: TabKey): this {
    this.missing.add(tab);
    return this;
  }

  /** Replace a tab's header row (to test renamed or reordered headers). */
  headers(tab: TabKey, headers: Cell[]): this {
    this.headerOverrides.set(tab, headers);
    return this;
  }

  /** Current data rows of a table (copies). */
  dataRows<K extends TableTabKey>(tab: K): RowSpec<K>[] {
    return (this.tables.get(tab) ?? []).map((r) => ({ ...r }) as RowSpec<K>);
  }

  /** 1-based sheet row of a data row index. */
  static sheetRow(index: number): number {
    return index + 2;
  }

  build(): WorkbookGrid {
    const tabs = TABS.filter((tab) => !this.missing.has(tab.key)).map((tab) => {
      if (tab.type === "table") {
        const header: Cell[] = this.headerOverrides.get(tab.key) ?? tab.columns.map((c) => c.header);
        const rows = (this.tables.get(tab.key) ?? []).map((spec) => tab.columns.map((c) => spec[c.key] ?? null));
        return { title: tab.title, rows: [header, ...rows] };
      }
      const values = this.fields.get(tab.key) ?? {};
      const header: Cell[] = this.headerOverrides.get(tab.key) ?? [...KEY_VALUE_HEADERS];
      const rows: Cell[][] = tab.fields.map((fd) => [fd.label, values[fd.key] ?? null, fd.hint]);
      return { title: tab.title, rows: [header, ...rows] };
    });
    return { tabs, templateVersion: TEMPLATE_VERSION };
  }
}

/** A coherent, fully valid project (invented names). */
export function cleanWorkbook(): GridBuilder {
  return new GridBuilder(CLEAN_TABLES, CLEAN_FIELDS);
}

/** A builder holding exactly `spec` (tabs it leaves out have headers and no data). */
export function workbookOf(spec: WorkbookSpec): GridBuilder {
  const tables: Record<string, unknown> = {};
  const fields: Record<string, unknown> = {};
  for (const tab of TABS) {
    const value = (spec as Record<string, unknown>)[tab.key];
    if (value !== undefined) (tab.type === "table" ? tables : fields)[tab.key] = value;
  }
  return new GridBuilder(tables as TableSpecs, fields as FieldSpecs);
}

/** Every tab with its headers and no data (key-value tabs keep their labels). */
export function emptyWorkbook(): GridBuilder {
  return new GridBuilder();
}

/** Validate a builder with the clean report date unless told otherwise. */
export function check(builder: GridBuilder | WorkbookGrid, options: ValidateOptions = CLEAN_OPTIONS): ValidationResult {
  const grid = builder instanceof GridBuilder ? builder.build() : builder;
  return validateWorkbook(grid, options);
}

/** Findings of one rule. */
export function findings(builder: GridBuilder | WorkbookGrid, rule: RuleId, options?: ValidateOptions): Issue[] {
  return check(builder, options).issues.filter((i) => i.rule === rule);
}
