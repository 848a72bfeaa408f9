/**
 * A second sample project, in the form «Новокузнецк»: an invented school's platform in the
 * 2020-2021 academic year, its report made in that form (Настройки → «Форма отчёта»). Clean:
 * its report is final, not a draft. All names, numbers and addresses are invented.
 * Used by `mip demo` and the report tests.
 */
import { type Cell, type TabGrid, type WorkbookGrid, dateCell } from "../core/grid.js";
import {
  type ColumnKey,
  type FieldKey,
  type KeyValueTabDef,
  type KeyValueTabKey,
  type TableTabDef,
  type TableTabKey,
  KEY_VALUE_HEADERS,
  TABS,
  TEMPLATE_VERSION,
} from "../core/schema.js";
import { tabByKey } from "../core/schema-lookup.js";

/** Validate the sample "as of" this date. */
export const novokuznetskReportDate = "2021-06-25";

export const NOVOKUZNETSK_WORKBOOK = "Пример МИП — Новокузнецк, СОШ № 118.xlsx";

const d = dateCell;

type Row<K extends TableTabKey> = Partial<Record<ColumnKey<K>, Cell>>;

function table<K extends TableTabKey>(key: K, rows: readonly Row<K>[]): TabGrid {
  const tab = tabByKey(key) as TableTabDef;
  return {
    title: tab.title,
    rows: [
      tab.columns.map((c) => c.header),
      ...rows.map((r) => tab.columns.map((c) => r[c.key as ColumnKey<K>] ?? null)),
    ],
  };
}

function keyValue<K extends KeyValueTabKey>(key: K, values: Partial<Record<FieldKey<K>, Cell>>): TabGrid {
  const tab = tabByKey(key) as KeyValueTabDef;
  return {
    title: tab.title,
    rows: [
      [...KEY_VALUE_HEADERS],
      ...tab.fields.map((fd) => [fd.label, values[fd.key as FieldKey<K>] ?? fd.defaultValue ?? null, fd.hint]),
    ],
  };
}

const SCHOOL = "МБОУ «СОШ № 118»";
const DIRECTOR = "Старикова Ирина Геннадьевна";
const COORDINATOR = "Бахтина Ольга Сергеевна";

const TABS_OF: Record<string, () => TabGrid> = {
  general: () =>
    keyValue("general", {
      report_type: "Промежуточный",
      period: "2020-2021 учебный год",
      report_date: d(novokuznetskReportDate),
      org_full_name: "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 118»",
      org_short_name: SCHOOL,
      municipality: "Новокузнецкий городской округ",
      address: "654000, Кемеровская обл. – Кузбасс, г. Новокузнецк, ул. Рябиновая, д. 7",
      phone: "8 (3843) 00-11-18",
      email: "school118@example.ru",
      website: "https://school118.example.ru",
      status_order: "Приказ комитета образования и науки от 14.08.2019 № 1021",
      leader: DIRECTOR,
      leader_position: "директор",
      coordinator: COORDINATOR,
      coordinator_position: "заместитель директора по научно-методической работе",
      consultant: "Горелов Павел Андреевич, канд. пед. наук, доцент кафедры педагогики и психологии",
      approver: "Директор МБОУ «СОШ № 118» И.Г. Старикова",
      complex: "Формирование функциональной грамотности обучающихся",
      topic: "Проектная деятельность как средство формирования функциональной грамотности обучающихся основной школы",
      goal:
        "Создание модели проектной деятельности, обеспечивающей рост читательской, " +
        "математической и естественно-научной грамотности обучающихся 5–9 классов",
      partner: "Кузбасский центр развития образования (научно-методическое сопровождение)",
      declared_participants: ">1000",
      current_stage: "Практический (сентябрь 2020 – май 2022 года)",
      social_partners: "Городская библиотека им. А.С. Пушкина, технопарк «Кванториум» (соглашения о сотрудничестве)",
    }),
  tasks: () =>
    table("tasks", [
      { no: "1", task: "Разработать нормативную базу проектной деятельности в основной школе" },
      { no: "2", task: "Обучить педагогов технологии проектного обучения" },
      { no: "3", task: "Внедрить межпредметные проекты в 5–9 классах" },
    ]),
  stages: () =>
    table("stages", [
      {
        no: "1",
        name: "Подготовительный",
        start: "сентябрь 2019",
        end: "май 2020",
        tasks: "Нормативная база, диагностика",
        results:
          "Приняты положения о проектной деятельности и о творческой " +
          "группе; проведена входная диагностика функциональной грамотности",
      },
      {
        no: "2",
        name: "Практический",
        start: "сентябрь 2020",
        end: "май 2022",
        tasks: "Межпредметные проекты, обучение педагогов, промежуточная диагностика",
        results: "",
      },
      {
        no: "3",
        name: "Обобщающий",
        start: "сентябрь 2022",
        end: "декабрь 2022",
        tasks: "Обобщение опыта, методические рекомендации",
        results: "",
      },
    ]),
  plan: () =>
    table("plan", [
      {
        no: "1",
        task_no: "1",
        activity: "Положение о межпредметном проекте",
        term: "Сентябрь 2020",
        executors: "Творческая группа",
        responsible: "Бахтина О.С.",
        fact: "Положение разработано и утверждено приказом от 30.09.2020 № 211",
        status: "Выполнено",
        document: "Приказ № 211",
      },
      {
        no: "2",
        task_no: "2",
        activity: "Постоянно действующий семинар «Проектное обучение»",
        term: "Октябрь 2020 – апрель 2021",
        executors: "Методический совет",
        responsible: "Бахтина О.С.",
        fact: "Проведено 6 занятий для 28 педагогов",
        status: "Выполнено",
        plan_qty: 6,
        fact_qty: 6,
      },
      {
        no: "3",
        task_no: "3",
        activity: "Межпредметные проекты в 5–7 классах",
        term: "Ноябрь 2020 – май 2021",
        executors: "Классные руководители",
        responsible: "Лыкова Е.А.",
        fact: "Выполнено 14 проектов, защита проведена в мае",
        status: "Выполнено",
        plan_qty: 12,
        fact_qty: 14,
      },
      {
        no: "4",
        task_no: "3",
        activity: "Школьная научно-практическая конференция «Шаг в науку»",
        term: "Апрель 2021",
        executors: "Творческая группа",
        responsible: "Лыкова Е.А.",
        fact: "Конференция проведена дистанционно, 46 докладов",
        status: "Выполнено",
      },
      {
        no: "5",
        task_no: "2",
        activity: "Стажировка педагогов в технопарке «Кванториум»",
        term: "Март 2021",
        executors: "Педагоги творческой группы",
        responsible: "Бахтина О.С.",
        fact: "Стажировка перенесена",
        status: "Перенесено",
        reason: "Ограничения на очные мероприятия",
        action: "Стажировка включена в план на октябрь 2021 года, договорённость с технопарком подтверждена",
      },
    ]),
  results: () =>
    table("results", [
      {
        activity: "Семинар «Проектное обучение»",
        forecast_result: "Педагоги владеют технологией проектного обучения",
        actual_result: "28 педагогов прошли обучение, 19 провели проектные уроки",
        forecast_product: "Методические рекомендации",
        actual_product: "Сборник сценариев проектных уроков",
      },
      {
        activity: "Межпредметные проекты",
        forecast_result: "Рост функциональной грамотности обучающихся",
        actual_result: "Доля обучающихся с базовым уровнем выросла с 54 до 63 %",
        forecast_product: "Банк проектов",
        actual_product: "14 проектов в банке школы",
      },
    ]),
  orgs: () => table("orgs", [{ name: SCHOOL, type: "Иное", municipality: "Новокузнецк", contact: COORDINATOR }]),
  mentoring: () => table("mentoring", []),
  participants: () =>
    table("participants", [
      { category: "Педагоги", count: 28, role: "Руководители проектов, члены творческой группы" },
      { category: "Учащиеся (воспитанники)", count: 640, role: "Участники межпредметных проектов" },
      { category: "Родители", count: 350, role: "Консультанты и эксперты проектов" },
      { category: "Социальные партнёры", count: 2, role: "Площадки для проектов" },
    ]),
  training: () =>
    table("training", [
      {
        count: 12,
        percent: 0.43,
        kind: "Курсы",
        topic: "Формирование функциональной грамотности",
        place: "КРИПКиПРО",
        term: "Ноябрь 2020",
      },
      {
        count: 28,
        percent: 1,
        kind: "Семинар",
        topic: "Проектное обучение в основной школе",
        place: SCHOOL,
        term: "Октябрь 2020 – апрель 2021",
      },
    ]),
  staff: () =>
    table("staff", [
      {
        name: DIRECTOR,
        position: "Директор, высшее педагогическое, Почётный работник общего образования",
        role: "Руководитель проекта",
        management: "Да",
      },
      {
        name: COORDINATOR,
        position: "Заместитель директора по НМР, высшее педагогическое",
        role: "Координатор проекта",
        management: "Да",
      },
      {
        name: "Горелов Павел Андреевич",
        position: "Научный консультант, канд. пед. наук, доцент",
        role: "Научное сопровождение",
        management: "Да",
      },
      {
        name: "Лыкова Елена Анатольевна",
        position: "Учитель биологии, высшая категория",
        role: "Руководитель творческой группы",
        management: "Нет",
      },
    ]),
  documents: () =>
    table("documents", [
      {
        kind: "Положение",
        date: d("2020-09-30"),
        number: "211",
        title: "Положение о межпредметном проекте",
        rationale: "Порядок выполнения и защиты проектов",
      },
      {
        kind: "Положение",
        date: d("2019-09-02"),
        number: "150",
        title: "Положение о творческой группе",
        rationale: "Состав и функции группы",
      },
      {
        kind: "Приказ",
        date: d("2020-09-01"),
        number: "198",
        issuer: SCHOOL,
        title: "О работе муниципальной инновационной площадки в 2020-2021 учебном году",
        rationale: "",
      },
    ]),
  dissemination: () =>
    table("dissemination", [
      {
        kind: "Семинар",
        name: "Проектные уроки в основной школе",
        level: "Муниципальный",
        date: d("2021-02-18"),
        teachers: 42,
        product: "Сценарии проектных уроков",
        expert: "Сертификат МАОУ ДПО ИПК",
      },
      {
        kind: "Конференция",
        name: "Функциональная грамотность: от диагностики к практике",
        level: "Региональный",
        date: d("2021-04-22"),
        teachers: 3,
        product: "Доклад",
        expert: "Диплом участника",
      },
    ]),
  internal_events: () =>
    table("internal_events", [
      {
        kind: "Конференция",
        name: "Шаг в науку",
        date: d("2021-04-15"),
        attendees: 180,
        product: "46 докладов обучающихся",
        level: "Уровень ОО",
      },
      {
        kind: "Мастер-класс",
        name: "Читательская грамотность на уроках истории",
        date: d("2021-03-11"),
        attendees: 25,
        product: "Приёмы смыслового чтения",
        level: "Районный",
      },
    ]),
  contests: () =>
    table("contests", [
      {
        kind: "Конкурс",
        name: "Педагогический проект года",
        level: "Муниципальный",
        participants: "Лыкова Е.А., учитель биологии",
        product: "Проект «Экология родного города»",
        result: "Призёр",
        support: "Бахтина О.С., заместитель директора",
      },
      {
        kind: "Конкурс",
        name: "Инновации в образовании",
        level: "Всероссийский",
        participants: "Творческая группа",
        product: "Модель проектной деятельности",
        result: "Заявка подана",
        support: "Бахтина О.С., заместитель директора",
      },
    ]),
  speeches: () =>
    table("speeches", [
      {
        level: "Муниципальный",
        date: d("2021-02-18"),
        place: "Семинар для заместителей директоров, МАОУ ДПО ИПК",
        topic: "Управление проектной деятельностью в школе",
        speaker: "Старикова И.Г., директор",
      },
      {
        level: "Региональный",
        date: d("2021-04-22"),
        place: "Региональная конференция, г. Кемерово",
        topic: "Межпредметный проект как средство формирования функциональной грамотности",
        speaker: "Старикова И.Г., директор",
      },
    ]),
  publications: () =>
    table("publications", [
      {
        authors: "Бахтина О.С., Лыкова Е.А.",
        title: "Межпредметный проект в 6 классе",
        source: "Сборник материалов региональной конференции",
        level: "Региональный",
        date: d("2021-05-20"),
      },
    ]),
  problems: () =>
    table("problems", [
      {
        problem: "Перегрузка педагогов, руководящих проектами",
        solution: "Распределение проектов между творческими группами",
        outcome: "Работа продолжена",
      },
      {
        problem: "Ограничения на очные мероприятия",
        solution: "Дистанционные формы защиты проектов",
        outcome: "Устранено",
      },
      {
        problem: "Недостаток инструментов оценки функциональной грамотности",
        solution: "Банк заданий, совместная работа с консультантом",
        outcome: "Работа продолжена",
      },
    ]),
  conclusions: () =>
    keyValue("conclusions", {
      management_body: "Методический совет школы (приказ от 01.09.2020 № 198), творческая группа «Проектная школа»",
      normative_analysis:
        "Нормативная база обновлена на 30 %: разработано Положение о межпредметном " +
        "проекте, определяющее порядок выполнения и защиты проектов на практическом этапе",
      pd_system:
        "Постоянно действующий семинар «Проектное обучение», наставничество " +
        "внутри творческой группы; 19 из 28 педагогов провели проектные уроки",
      trajectories: "Индивидуальные планы профессионального развития у 12 педагогов творческой группы",
      network: "Соглашения о сотрудничестве с городской библиотекой и технопарком «Кванториум»",
      site_info: "Раздел «Инновационная деятельность» на сайте https://school118.example.ru, обновляется ежемесячно",
      effects_social: "Выросла учебная мотивация обучающихся, родители включены в экспертизу проектов",
      effects_tech: "Отработана технология межпредметного проекта в 5–7 классах",
      effects_econ: "",
      effects_other: "",
      significance: "Модель проектной деятельности применима в других школах города",
      conclusion:
        "Задачи первого года практического этапа выполнены: педагоги освоили " +
        "технологию проектного обучения, доля обучающихся с базовым уровнем функциональной " +
        "грамотности выросла. Работу целесообразно продолжить по плану проекта.",
      extension: "",
      next_tasks: "",
      proposals: "",
      consequences:
        "Положительные: рост функциональной грамотности и мотивации обучающихся. " +
        "Отрицательные: увеличилась нагрузка педагогов — решается распределением проектов",
      product_bank:
        "Положение о межпредметном проекте\nСборник сценариев " +
        "проектных уроков\nБанк межпредметных проектов 5–7 классов",
    }),
  settings: () => keyValue("settings", { report_form: "Новокузнецк" }),
  // The справка о реализации проекта's tabs: a school's own report needs none of them.
  monitoring: () => table("monitoring", []),
  recommendations: () => table("recommendations", []),
  spravka: () => keyValue("spravka", {}),
};

/** The Новокузнецк sample's workbook, every tab in template order. */
export function novokuznetskSampleGrid(): WorkbookGrid {
  // Tabs this sample does not fill (the committee's own tabs among them) are written empty, as the template has them.
  const empty = (t: (typeof TABS)[number]): TabGrid =>
    t.type === "table" ? table(t.key as TableTabKey, []) : keyValue(t.key as KeyValueTabKey, {});
  return { tabs: TABS.map((t) => (TABS_OF[t.key] ?? (() => empty(t)))()), templateVersion: TEMPLATE_VERSION };
}
