/**
 * The sample project: an invented network-mentoring МИП filled in every tab, the way a
 * coordinator would have it by December of the reporting year. Mostly clean, with a few
 * real findings a coordinator would recognise (see SAMPLE_FINDINGS). All names are invented.
 * Used by `mip template --sample`, `mip demo`, the add-on's demo and many tests.
 */
import { type Cell, type TabGrid, type WorkbookGrid, dateCell } from "../core/grid.js";
import {
  type ColumnKey,
  type FieldKey,
  type KeyValueTabDef,
  type KeyValueTabKey,
  type TabKey,
  type TableTabDef,
  type TableTabKey,
  KEY_VALUE_HEADERS,
  TABS,
  TEMPLATE_VERSION,
} from "../core/schema.js";
import { tabByKey } from "../core/schema-lookup.js";
import { TEMPLATE_LAYOUT } from "../core/template.js";

/** Validate the sample "as of" this date so its findings never depend on the clock. */
export const sampleReportDate = "2022-12-20";

/** What the sample is meant to show (rule id → why), for tests and the demo's explanation. */
export const SAMPLE_FINDINGS = {
  PLAN_DEVIATION_ACTION_MISSING:
    "План-факт, пункт 2.3: «Выполнено частично», причина есть, а управленческие действия — «-».",
  MENT_LOAD_EXCEEDED: "Наставник по математике Громов И. С. ведёт 7 учителей при максимуме 5.",
  MENT_ORG_UNKNOWN: "Опечатка: «МОУ «Лесоновская СОШ»» вместо «МОУ «Лесновская СОШ»».",
  MENT_DECLARED_MISMATCH: "В «Общих сведениях» заявлено 20 наставляемых, а в состоявшихся парах их 18.",
} as const;

const d = dateCell;

type Row<K extends TableTabKey> = Partial<Record<ColumnKey<K>, Cell>>;

/** A table tab in schema column order, so headers can never drift from the schema. */
function table<K extends TableTabKey>(key: K, rows: readonly Row<K>[]): TabGrid {
  const tab = tabByKey(key) as TableTabDef;
  const columns = tab.columns.map((c) => c.key as ColumnKey<K>);
  return {
    title: tab.title,
    rows: [tab.columns.map((c) => c.header), ...rows.map((r) => columns.map((c) => r[c] ?? null))],
  };
}

/** A key-value tab: label, value, hint — in schema field order. */
function keyValue<K extends KeyValueTabKey>(key: K, values: Partial<Record<FieldKey<K>, Cell>>): TabGrid {
  const tab = tabByKey(key) as KeyValueTabDef;
  const layout = TEMPLATE_LAYOUT.find((l) => l.key === key)!;
  return {
    title: tab.title,
    rows: [
      [...KEY_VALUE_HEADERS],
      ...tab.fields.map((fd, i) => [
        fd.label,
        values[fd.key as FieldKey<K>] ?? fd.defaultValue ?? null,
        layout.body[i]?.[2] ?? fd.hint,
      ]),
    ],
  };
}

// Organisations (names reused below, so a typo in the sample is always deliberate).
const CRO = "МОУ ДО «Центр развития образования»";
const LESNOVSKAYA = "МОУ «Лесновская СОШ»";
const BEREZOVSKAYA = "МОУ «Берёзовская ООШ»";
const SOSNOVSKAYA = "МОУ «Сосновская СОШ»";
const KAMENSKAYA = "МОУ «Каменская СОШ»";
const RUCHYOVSKAYA = "МОУ «Ручьёвская ООШ»";
const SCHOOL4 = "МОУ «СОШ № 4»";
const GYMNASIUM = "МОУ «Озёрская гимназия»";
const SCHOOL1 = "МОУ «СОШ № 1»";
const DIAGNOSTICS = "МБУ «Центр диагностики и консультирования»";

/** The sample's organisations, for the committee's demo roadmap (src/demo/roadmap-sample.ts). */
export const SAMPLE_ORGS = { CRO, LESNOVSKAYA, BEREZOVSKAYA, SOSNOVSKAYA, KAMENSKAYA, SCHOOL4 } as const;

const LEADER = "Орлова Елена Владимировна";
const COORDINATOR = "Ветрова Наталья Игоревна";

function general(): TabGrid {
  return keyValue("general", {
    report_type: "Промежуточный",
    period: "2022",
    report_date: d(sampleReportDate),
    org_full_name:
      "Муниципальное образовательное учреждение дополнительного образования " +
      "«Центр развития образования» Озёрского муниципального района",
    org_short_name: CRO,
    municipality: "Озёрский муниципальный район",
    address: "188760, Ленинградская обл., г. Озёрск, ул. Садовая, д. 12",
    phone: "8 (81379) 3-12-45",
    email: "cro-ozersk@example.ru",
    website: "https://cro-ozersk.example.ru",
    status_order: "Распоряжение комитета образования от 25.01.2021 № 312-р",
    leader: LEADER,
    leader_position: "директор МОУ ДО «Центр развития образования»",
    coordinator: COORDINATOR,
    coordinator_position: "методист МОУ ДО «Центр развития образования»",
    consultant: "Лебедев Андрей Павлович, канд. пед. наук, доцент кафедры педагогики ЛОИРО",
    approver: "Председатель комитета образования Озёрского района Н. С. Миронова",
    complex: "Повышение качества образования в школах с низкими образовательными результатами",
    topic:
      "Сетевое наставничество во взаимодействии школ с высокими и низкими образовательными результатами обучающихся",
    goal:
      "Формирование эффективных механизмов перехода школ с низкими " +
      "образовательными результатами в режим эффективного функционирования",
    partner: "нет",
    declared_participants: "372",
    declared_mentors: 5,
    declared_mentees: 20,
    declared_pairs: 18,
    current_stage: "Практический (октябрь 2021 – декабрь 2022 года)",
    social_partners: "ЛОИРО (договор о сотрудничестве от 10.02.2021)",
  });
}

function tasks(): TabGrid {
  return table("tasks", [
    { no: "1", task: "Диагностика факторов, существенно влияющих на качество образования в школах с НОР" },
    { no: "2", task: "Формирование организационных, кадровых и информационных ресурсов для реализации проекта" },
    { no: "3", task: "Разработка и внедрение механизмов сетевого наставничества для учителей школ с НОР" },
    { no: "4", task: "Формирование среды, поддерживающей качественное обучение в школах с НОР" },
  ]);
}

function stages(): TabGrid {
  return table("stages", [
    {
      no: "1",
      name: "Подготовительный",
      start: "январь 2021",
      end: "сентябрь 2021",
      tasks: "Нормативная база проекта, договоры о сотрудничестве, мониторинг профессиональных дефицитов",
      results:
        "Утверждены Положение о стажировочной площадке и типовой договор; заключены " +
        "договоры школ с НОР со школами-лидерами; проведён мониторинг дефицитов учителей",
    },
    {
      no: "2",
      name: "Практический",
      start: "октябрь 2021",
      end: "декабрь 2022",
      tasks: "Работа наставнических пар, вебинары и семинары для школ с НОР, дорожные карты школ",
      results: "",
    },
    {
      no: "3",
      name: "Обобщающий",
      start: "январь 2023",
      end: "май 2023",
      tasks: "Анализ результатов, обобщение опыта, методические рекомендации",
      results: "",
    },
  ]);
}

function plan(): TabGrid {
  return table("plan", [
    {
      no: "1",
      task_no: "1",
      activity: "Мониторинг профессиональных дефицитов учителей школ с НОР",
      term: "Январь – февраль 2022",
      executors: "Центр диагностики и консультирования, наставники",
      responsible: "Ветрова Н. И.",
      fact: "Проведено анкетирование 21 учителя пяти школ с НОР, составлены карты дефицитов",
      status: "Выполнено",
      plan_qty: 21,
      fact_qty: 21,
      document: "Аналитическая справка от 28.02.2022",
    },
    {
      no: "2",
      task_no: "3",
      activity: "Организация работы наставнических пар",
      term: "в течение года",
      executors: "Педагоги-наставники школ-лидеров",
      responsible: "Ветрова Н. И.",
      fact: "Работают 18 наставнических пар по пяти предметам",
      status: "В работе",
    },
    {
      no: "2.1",
      roadmap_item: "1",
      task_no: "3",
      activity: "Совещание с педагогами-наставниками: задачи на год",
      term: "24.02",
      executors: "Методисты ЦРО",
      responsible: "Ветрова Н. И.",
      fact: "Совещание проведено, определены задачи и формы работы",
      status: "Выполнено",
      plan_qty: 1,
      fact_qty: 1,
      document: "Протокол № 2 от 24.02.2022",
    },
    {
      no: "2.2",
      roadmap_item: "5",
      task_no: "3",
      activity: "Индивидуальные планы развития наставляемых учителей",
      term: "03.03-10.03",
      executors: "Наставники, наставляемые",
      responsible: "Ветрова Н. И.",
      fact: "Составлены 18 индивидуальных планов (учителя химии — в 2023 году)",
      status: "Выполнено",
      plan_qty: 18,
      fact_qty: 18,
    },
    {
      no: "2.3",
      roadmap_item: "8.1.4",
      task_no: "3",
      activity: "Выезды наставников в школы с НОР для методической помощи",
      term: "Март – июнь 2022",
      executors: "Наставники по математике и русскому языку",
      responsible: "Громов И. С.",
      fact: "Проведены выезды в Лесновскую, Сосновскую и Каменскую школы",
      status: "Выполнено частично",
      plan_qty: 7,
      fact_qty: 4,
      reason: "Карантин по гриппу в двух школах в марте 2022 года",
      action: "-",
    },
    {
      no: "2.4",
      task_no: "3",
      activity: "Наставничество учителей химии",
      term: "Февраль-ноябрь",
      executors: "Наставник по химии",
      responsible: "Ветрова Н. И.",
      fact: "Занятия не проводились",
      status: "Не выполнено",
      reason: "Длительная болезнь наставника по химии",
      action: "Учителя химии направлены на региональные курсы; новый наставник будет назначен в январе 2023 года",
    },
    {
      no: "3",
      roadmap_item: "7",
      task_no: "2",
      activity: "Вебинары для администрации и педагогов школ с НОР",
      term: "Апрель, май",
      executors: "Методисты ЦРО, школы-лидеры",
      responsible: "Ветрова Н. И.",
      fact: "Проведены вебинары «Технологии работы с детьми с ОВЗ» и «Проектно-исследовательские технологии»",
      status: "Выполнено",
      plan_qty: 2,
      fact_qty: 2,
    },
    {
      no: "4",
      roadmap_item: "8.1.1",
      task_no: "4",
      activity: "Семинар-практикум «Профессиональная мотивация педагога» в психологической гостиной",
      term: "14.03.-31.03",
      executors: "Психологи Центра диагностики и консультирования",
      responsible: "Жукова С. А.",
      fact: "Семинар проведён для 26 учителей школ с НОР",
      status: "Выполнено",
      plan_qty: 1,
      fact_qty: 1,
    },
    {
      no: "5",
      roadmap_item: "9",
      task_no: "4",
      activity: "Школа выпускника по математике и русскому языку (онлайн)",
      term: "Ноябрь 15.11, 17.11, 22.11",
      executors: "Учителя школ-лидеров",
      responsible: "Кольцова А. В.",
      fact: "Проведены три занятия, участвовали 64 выпускника",
      status: "Выполнено",
      plan_qty: 3,
      fact_qty: 3,
    },
    {
      no: "6",
      task_no: "2",
      activity: "Дорожные карты школ с НОР по переходу в эффективный режим работы",
      term: "до 15.09.2022 года",
      executors: "Администрации школ с НОР",
      responsible: "Ветрова Н. И.",
      fact: "Дорожные карты составлены и согласованы во всех пяти школах",
      status: "Выполнено",
      plan_qty: 5,
      fact_qty: 5,
      document: "Распоряжение от 20.09.2022 № 1045-р",
    },
    {
      no: "7",
      task_no: "1",
      activity: "Промежуточный мониторинг образовательных результатов школ с НОР",
      term: "1-е полугодие 2022",
      executors: "Центр диагностики и консультирования",
      responsible: "Жукова С. А.",
      fact: "Проведён мониторинг по итогам ВПР и ОГЭ, подготовлены справки по каждой школе",
      status: "Выполнено",
      document: "Справка от 30.06.2022",
    },
    {
      no: "8",
      roadmap_item: "10",
      task_no: "4",
      activity: "Муниципальная конференция «Наставничество: опыт и перспективы»",
      term: "Декабрь 2022",
      executors: "Методисты ЦРО",
      responsible: "Орлова Е. В.",
      fact: "",
      status: "Перенесено",
      reason: "По решению комитета образования конференция перенесена на март 2023 года",
      action: "Конференция включена в план на март 2023 года, программа согласована",
    },
    {
      no: "9",
      activity: "Интеллектуальные игры Центра для одарённых детей «Ромбус»",
      term: "Октябрь 2022",
      executors: "МОУ «СОШ № 1»",
      responsible: "Лаптева О. Н.",
      fact: "Участвовали 16 команд из 12 школ района",
      status: "Вне плана",
    },
    {
      no: "10",
      roadmap_item: "12",
      task_no: "2",
      activity: "Анализ выполнения мероприятий практического этапа, справка",
      term: "Декабрь 2022",
      executors: "Методисты ЦРО",
      responsible: "Ветрова Н. И.",
      fact: "Собраны отчёты наставников, справка готовится",
      status: "В работе",
    },
  ]);
}

function results(): TabGrid {
  return table("results", [
    {
      activity: "Мониторинг профессиональных дефицитов",
      forecast_result: "Выявлены дефициты каждого учителя школ с НОР",
      actual_result: "Карты дефицитов составлены для 21 учителя",
      forecast_product: "Карты профессиональных дефицитов",
      actual_product: "21 карта дефицитов, сводная справка",
    },
    {
      activity: "Работа наставнических пар",
      forecast_result: "Индивидуальное сопровождение каждого учителя школ с НОР",
      actual_result: "Сопровождение получают 18 учителей по пяти предметам",
      forecast_product: "Индивидуальные планы развития",
      actual_product: "18 индивидуальных планов",
    },
    {
      activity: "Дорожные карты школ с НОР",
      forecast_result: "Каждая школа с НОР имеет план перехода в эффективный режим",
      actual_result: "Планы приняты во всех пяти школах",
      forecast_product: "Дорожные карты",
      actual_product: "5 дорожных карт",
    },
  ]);
}

function orgs(): TabGrid {
  return table("orgs", [
    { name: CRO, type: "Методическая служба", municipality: "Озёрский район", contact: "Ветрова Наталья Игоревна" },
    { name: LESNOVSKAYA, type: "Школа с НОР", municipality: "Озёрский район", contact: "Фомина Ирина Олеговна" },
    { name: BEREZOVSKAYA, type: "Школа с НОР", municipality: "Озёрский район", contact: "Гусев Денис Валерьевич" },
    { name: SOSNOVSKAYA, type: "Школа с НОР", municipality: "Озёрский район", contact: "Кравец Людмила Петровна" },
    { name: KAMENSKAYA, type: "Школа с НОР", municipality: "Озёрский район", contact: "Носова Вера Андреевна" },
    { name: RUCHYOVSKAYA, type: "Школа с НОР", municipality: "Озёрский район", contact: "Тарасов Олег Ильич" },
    { name: SCHOOL4, type: "Школа-лидер", municipality: "Озёрский район", contact: "Кольцова Анна Викторовна" },
    { name: GYMNASIUM, type: "Школа-лидер", municipality: "Озёрский район", contact: "Громов Илья Сергеевич" },
    {
      name: SCHOOL1,
      type: "Стажировочная площадка",
      municipality: "Озёрский район",
      contact: "Лаптева Ольга Николаевна",
    },
    {
      name: DIAGNOSTICS,
      type: "Центр диагностики",
      municipality: "Озёрский район",
      contact: "Жукова Светлана Алексеевна",
    },
  ]);
}

interface Mentor {
  readonly name: string;
  readonly org: string;
  readonly subject: string;
}

const MENTORS = {
  russian: { name: "Кольцова Анна Викторовна", org: SCHOOL4, subject: "Русский язык" },
  maths: { name: "Громов Илья Сергеевич", org: GYMNASIUM, subject: "Математика" },
  physics: { name: "Лаптева Ольга Николаевна", org: SCHOOL1, subject: "Физика" },
  chemistry: { name: "Зимина Татьяна Петровна", org: SCHOOL4, subject: "Химия" },
  social: { name: "Белов Пётр Андреевич", org: GYMNASIUM, subject: "Обществознание" },
  biology: { name: "Соколова Марина Ивановна", org: SCHOOL1, subject: "Биология" },
} as const satisfies Record<string, Mentor>;

function mentoring(): TabGrid {
  const rows: Row<"mentoring">[] = [];
  const pair = (mentor: Mentor, mentee: string, menteeOrg: string, extra: Row<"mentoring"> = {}): void => {
    rows.push({
      no: String(rows.length + 1),
      mentor: mentor.name,
      mentor_org: mentor.org,
      subject: mentor.subject,
      mentee,
      mentee_org: menteeOrg,
      form: "Учитель – учитель",
      start: d("2021-10-11"),
      end: d("2023-05-31"),
      status: "Активна",
      ...extra,
    });
  };
  const { russian, maths, physics, chemistry, social, biology } = MENTORS;
  pair(russian, "Ершова Галина Семёновна", LESNOVSKAYA);
  pair(russian, "Панова Юлия Викторовна", SOSNOVSKAYA);
  pair(russian, "Рябова Оксана Дмитриевна", KAMENSKAYA);
  // Typed by a partner school's editor without the legal form and the space: still the listed «МОУ «СОШ № 4»».
  pair(russian, "Шилова Инна Борисовна", RUCHYOVSKAYA, { mentor_org: "СОШ №4" });
  // The mathematics mentor took every school's maths teacher: over the load limit.
  pair(maths, "Абрамова Лариса Юрьевна", LESNOVSKAYA);
  pair(maths, "Быкова Елена Андреевна", BEREZOVSKAYA);
  pair(maths, "Воронин Сергей Павлович", SOSNOVSKAYA);
  pair(maths, "Голубева Ирина Константиновна", KAMENSKAYA);
  pair(maths, "Дьяченко Мария Олеговна", RUCHYOVSKAYA);
  pair(maths, "Ефимова Светлана Романовна", BEREZOVSKAYA, { comment: "Выезд наставника в школу в апреле" });
  // A real typo in the organisation's name.
  pair(maths, "Исаева Нина Фёдоровна", "МОУ «Лесоновская СОШ»");
  pair(physics, "Калинин Артём Викторович", KAMENSKAYA);
  pair(physics, "Лукина Дарья Сергеевна", BEREZOVSKAYA, { form: "Учитель – группа учителей" });
  const ill = {
    status: "Не состоялась",
    start: d("2022-02-01"),
    end: null,
    not_held_reason: "Длительная болезнь наставника",
  } as const;
  pair(chemistry, "Макарова Ольга Игоревна", LESNOVSKAYA, ill);
  pair(chemistry, "Никитина Алла Геннадьевна", SOSNOVSKAYA, ill);
  pair(chemistry, "Осипов Григорий Львович", RUCHYOVSKAYA, ill);
  pair(social, "Петрова Анастасия Юрьевна", KAMENSKAYA);
  pair(social, "Романова Виктория Павловна", RUCHYOVSKAYA);
  pair(biology, "Савина Елизавета Андреевна", LESNOVSKAYA);
  pair(biology, "Титова Зоя Михайловна", BEREZOVSKAYA);
  pair(biology, "Уварова Кира Сергеевна", SOSNOVSKAYA, { status: "Завершена", end: d("2022-05-31") });
  return table("mentoring", rows);
}

function participants(): TabGrid {
  return table("participants", [
    { category: "Педагоги", count: 27, role: "21 учитель школ с НОР и 6 педагогов-наставников школ-лидеров" },
    { category: "Руководители", count: 8, role: "Администрации пяти школ с НОР и трёх школ-лидеров" },
    { category: "Специалисты (психологи и др.)", count: 2, role: "Психологи Центра диагностики и консультирования" },
    {
      category: "Учащиеся (воспитанники)",
      count: 310,
      role: "Обучающиеся школ с НОР: Школа выпускника, интеллектуальные игры",
    },
    { category: "Родители", count: 25, role: "Родительские собрания по подготовке к ГИА" },
  ]);
}

function training(): TabGrid {
  return table("training", [
    {
      count: 6,
      percent: 22,
      kind: "Курсы повышения квалификации",
      topic: "Наставничество в образовательной организации: модели и практики",
      place: "ЛОИРО",
      term: "Март – апрель 2022",
    },
    {
      count: 12,
      percent: 44,
      kind: "Вебинар",
      topic: "Работа с обучающимися с низкой учебной мотивацией",
      place: "МОУ ДО «Центр развития образования»",
      term: "18.05.2022",
    },
  ]);
}

function staff(): TabGrid {
  return table("staff", [
    {
      name: LEADER,
      position: "Директор ЦРО, высшее педагогическое, Почётный работник общего образования",
      role: "Руководство проектом",
      management: "Да",
    },
    {
      name: COORDINATOR,
      position: "Методист ЦРО, высшее педагогическое, высшая категория",
      role: "Координация, мониторинг, отчётность",
      management: "Да",
    },
    {
      name: "Жукова Светлана Алексеевна",
      position: "Педагог-психолог ЦДиК, высшее психологическое",
      role: "Психологическое сопровождение учителей",
    },
    {
      name: "Кольцова Анна Викторовна",
      position: "Учитель русского языка СОШ № 4, высшая категория",
      role: "Наставник по русскому языку",
    },
    {
      name: "Громов Илья Сергеевич",
      position: "Учитель математики гимназии, канд. пед. наук",
      role: "Наставник по математике",
    },
  ]);
}

function documents(): TabGrid {
  return table("documents", [
    {
      kind: "Распоряжение",
      date: d("2021-01-25"),
      number: "312-р",
      issuer: "комитета образования",
      title: "О присвоении статуса муниципальной инновационной площадки",
      rationale: "Основание для реализации проекта",
    },
    {
      kind: "Положение",
      date: d("2021-03-15"),
      number: "",
      title: "Положение о стажировочной площадке",
      rationale: "Порядок работы школ-лидеров со школами с НОР",
    },
    {
      kind: "Договор",
      date: d("2021-04-01"),
      number: "17",
      title: "Типовой договор о сетевом взаимодействии",
      rationale: "Закрепляет обязанности сторон наставничества",
    },
    {
      kind: "Распоряжение",
      date: d("2022-09-20"),
      number: "1045-р",
      issuer: "комитета образования",
      title: "Об утверждении дорожных карт школ с НОР",
      rationale: "Утверждение планов перехода в эффективный режим",
    },
    {
      kind: "Приказ",
      date: d("2022-02-21"),
      number: "14-од",
      issuer: CRO,
      title: "О закреплении наставников за учителями школ с НОР",
      rationale: "Состав наставнических пар на 2022 год",
    },
  ]);
}

function dissemination(): TabGrid {
  return table("dissemination", [
    {
      kind: "Семинар",
      name: "Сетевое наставничество как ресурс школы с НОР",
      level: "Муниципальный",
      date: d("2022-04-14"),
      teachers: 34,
      students: 0,
      parents: 0,
      partners: 2,
      product: "Модель сетевого наставничества",
      expert: "",
    },
    {
      kind: "Конференция",
      name: "Региональная конференция «Качество образования: поддержка школ»",
      level: "Региональный",
      date: "Октябрь 2022",
      teachers: 3,
      product: "Доклад о работе наставнических пар",
      expert: "Сертификат участника",
    },
    {
      kind: "Мастер-класс",
      name: "Приёмы формирующего оценивания на уроках математики",
      level: "Районный",
      date: d("2022-11-09"),
      teachers: 18,
      students: 25,
      product: "Методическая разработка урока",
    },
  ]);
}

function internalEvents(): TabGrid {
  return table("internal_events", [
    {
      kind: "Совещание",
      name: "Совещание педагогов-наставников",
      date: d("2022-02-24"),
      attendees: 9,
      product: "План работы на год",
      level: "Районный",
      roadmap_item: "1",
    },
    {
      kind: "Вебинар",
      name: "Технологии работы с детьми с ОВЗ",
      date: "Апрель 2022",
      attendees: 31,
      product: "Запись вебинара",
      level: "Муниципальный",
    },
    {
      kind: "Семинар-практикум",
      name: "Профессиональная мотивация педагога",
      date: "14.03.-31.03",
      attendees: 26,
      product: "Памятка для учителя",
      level: "Районный",
    },
  ]);
}

function contests(): TabGrid {
  return table("contests", [
    {
      kind: "Конкурс",
      name: "Конкурс методических разработок «Наставник года»",
      level: "Муниципальный",
      participants: "Громов И. С., учитель математики",
      product: "Программа наставничества по математике",
      result: "Победитель",
      support: "Ветрова Н. И., методист",
    },
    {
      kind: "Конкурс",
      name: "Региональный конкурс «Лучшие практики наставничества»",
      level: "Региональный",
      participants: "Кольцова А. В., учитель русского языка",
      product: "Практика «Пара на год»",
      result: "Участник",
      support: "Ветрова Н. И., методист",
    },
  ]);
}

function speeches(): TabGrid {
  return table("speeches", [
    {
      level: "Региональный",
      date: d("2022-10-19"),
      place: "Региональная конференция «Качество образования: поддержка школ»",
      topic: "Сетевое наставничество в Озёрском районе: первый год",
      speaker: "Орлова Е. В., директор ЦРО",
    },
    {
      level: "Муниципальный",
      date: d("2022-08-29"),
      place: "Августовское педагогическое совещание",
      topic: "Дорожные карты школ с НОР",
      speaker: "Ветрова Н. И., методист",
    },
    {
      level: "Уровень ОО",
      date: d("2022-03-30"),
      place: "Педагогический совет МОУ «Сосновская СОШ»",
      topic: "Итоги мониторинга профессиональных дефицитов",
      speaker: "Жукова С. А., педагог-психолог",
    },
  ]);
}

function publications(): TabGrid {
  return table("publications", [
    {
      authors: "Орлова Е. В., Ветрова Н. И.",
      title: "Сетевое наставничество для школ с низкими результатами",
      source: "Вестник образования Озёрского района",
      level: "Муниципальный",
      date: d("2022-06-15"),
      link: "https://cro-ozersk.example.ru/vestnik/2022-2",
    },
    {
      authors: "Громов И. С.",
      title: "Формирующее оценивание на уроках математики",
      source: "Сборник материалов региональной конференции",
      level: "Региональный",
      date: d("2022-11-30"),
      link: "",
    },
  ]);
}

function problems(): TabGrid {
  return table("problems", [
    {
      problem: "Большая нагрузка наставников: учителя школ-лидеров ведут полную ставку",
      solution: "Стимулирующие выплаты за наставничество, гибкий график выездов",
      outcome: "Работа продолжена",
    },
    {
      problem: "Болезнь наставника по химии — наставничество не состоялось",
      solution: "Подбор нового наставника, курсы для учителей химии",
      outcome: "Не устранено",
    },
    {
      problem: "Удалённость сельских школ затрудняет очные встречи пар",
      solution: "Онлайн-консультации и совместные вебинары",
      outcome: "Устранено",
    },
  ]);
}

function conclusions(): TabGrid {
  return keyValue("conclusions", {
    management_body: "Координационный совет проекта при МОУ ДО «Центр развития образования»",
    pd_system: "Курсы ЛОИРО, муниципальные вебинары и семинары, индивидуальные консультации наставников",
    trajectories: "Индивидуальные планы развития для каждого наставляемого учителя",
    network: "Договоры о сетевом взаимодействии между школами с НОР, школами-лидерами и Центром диагностики",
    site_info: "https://cro-ozersk.example.ru/mip — обновляется ежемесячно",
    effects_social: "Учителя школ с НОР получили адресную поддержку; выросла учебная мотивация выпускников",
    effects_tech: "Отработана модель сетевого наставничества",
    effects_econ: "Повышение квалификации без выезда за пределы района",
    effects_other: "",
    significance: "Модель может быть перенесена в другие районы области",
    conclusion:
      "Задачи практического этапа в основном выполнены: работают 18 наставнических пар, все школы " +
      "с НОР имеют дорожные карты. Наставничество по химии не состоялось из-за болезни наставника.",
    extension:
      "Планируется продление на 2023 год: сеть наставничества расширяется на две школы с НОР, " +
      "а модель нужно проверить на полном учебном годе",
    next_tasks: "Назначить наставника по химии; провести конференцию; обобщить опыт",
    proposals: "Включить модель сетевого наставничества в муниципальную программу развития образования",
    normative_analysis:
      "Нормативная база обновлена на 40 %: Положение о стажировочной " +
      "площадке и типовой договор закрепляют порядок работы пар",
    consequences:
      "Положительные: учителя школ с НОР получают адресную помощь. Отрицательные: выросла нагрузка наставников",
    product_bank: "Модель сетевого наставничества\nПрограмма наставничества по математике",
  });
}

function settings(): TabGrid {
  return keyValue("settings", {});
}

// ── Справка о реализации проекта: monitoring, recommendations, signer (template version 2) ──

function monitoring(): TabGrid {
  return table("monitoring", [
    {
      indicator: "Поддержка школ с НОР школой-наставником в решении школьных проблем",
      group: "Школы с НОР",
      value: "3,8",
      scale: 5,
      respondents: "5 из 5 школ",
      detail: "одна оценка «5», две оценки «4», две оценки «3»",
    },
    {
      indicator: "Удовлетворённость совместной работой со школой-наставником",
      group: "Школы с НОР",
      value: "4",
      scale: 5,
      respondents: "5 из 5 школ",
      detail: "полностью удовлетворена одна школа, скорее удовлетворены — три, скорее нет — одна",
    },
    {
      indicator: "Эффективность проекта",
      group: "Школы-лидеры",
      value: "3,67",
      scale: 5,
      respondents: "3 из 3 школ",
      detail: "две оценки «4», одна оценка «3»",
    },
    {
      indicator: "Комфортность работы в проекте",
      group: "Школы-лидеры",
      value: "3,33",
      scale: 5,
      respondents: "3 из 3 школ",
      detail: "",
    },
  ]);
}

function recommendations(): TabGrid {
  return table("recommendations", [
    {
      no: "1",
      addressee: "Руководителям общеобразовательных учреждений",
      text:
        "Школам с НОР включить в программы повышения качества " +
        "образования раздел о профилактике учебной неуспешности",
      deadline: "до 15.09.2023 года",
    },
    {
      no: "2",
      addressee: "Руководителям общеобразовательных учреждений",
      text:
        "Использовать возможности стажировочной площадки на базе " +
        "МОУ «СОШ № 1» для организации сетевого наставничества",
      deadline: "постоянно",
    },
    {
      no: "3",
      addressee: "Муниципальной методической службе",
      text: "Назначить нового наставника для учителей химии и возобновить работу пар",
      deadline: d("2023-01-31"),
    },
    {
      no: "4",
      addressee: "Муниципальной методической службе",
      text: "Проанализировать предложения участников проекта, высказанные в ходе мониторинга",
      deadline: "до 01.03.2023",
    },
  ]);
}

function spravka(): TabGrid {
  return keyValue("spravka", {
    signer_position: "Методист МОУ ДО «Центр развития образования»",
    signer_name: COORDINATOR,
    conclusions: [
      "Практический этап проекта выполняется: работают 18 наставнических пар по пяти предметам.",
      "Наставничество по химии не состоялось из-за болезни наставника; требуется назначить нового наставника.",
      "Школы с НОР оценивают поддержку школ-наставников в среднем на 3,8 балла из 5.",
    ].join("\n"),
  });
}

/** One builder per tab of the schema: a new tab without one does not compile. */
const BUILDERS: Record<TabKey, () => TabGrid> = {
  general,
  tasks,
  stages,
  plan,
  results,
  orgs,
  mentoring,
  participants,
  training,
  staff,
  documents,
  dissemination,
  internal_events: internalEvents,
  contests,
  speeches,
  publications,
  problems,
  conclusions,
  settings,
  monitoring,
  recommendations,
  spravka,
};

/** The sample project's workbook, every tab in template order. */
export function sampleGrid(): WorkbookGrid {
  return { tabs: TABS.map((t) => BUILDERS[t.key]()), templateVersion: TEMPLATE_VERSION };
}

/** The blank template: headers, and key-value labels with defaults and hints. */
export function blankTemplateGrid(): WorkbookGrid {
  return {
    tabs: TEMPLATE_LAYOUT.map((layout) => ({
      title: layout.title,
      rows: [[...layout.headers], ...layout.body.map((r) => r.map((v) => (v === "" ? null : v)))],
    })),
    templateVersion: TEMPLATE_VERSION,
  };
}

/** A copy of the grid with some key-value fields of one tab replaced (by label). */
function withFields(grid: WorkbookGrid, key: KeyValueTabKey, values: Partial<Record<string, Cell>>): WorkbookGrid {
  const tab = tabByKey(key) as KeyValueTabDef;
  const labels = new Map(tab.fields.map((fd) => [fd.label, fd.key]));
  return {
    ...grid,
    tabs: grid.tabs.map((t) =>
      t.title !== tab.title
        ? t
        : {
            title: t.title,
            rows: t.rows.map((row, i) => {
              const fieldKey = i === 0 ? undefined : labels.get(String(row[0] ?? ""));
              return fieldKey && fieldKey in values ? [row[0] ?? null, values[fieldKey] ?? null, ...row.slice(2)] : row;
            }),
          },
    ),
  };
}

/** A copy of the grid with one table tab's data rows replaced. */
function withRows<K extends TableTabKey>(grid: WorkbookGrid, key: K, rows: readonly Row<K>[]): WorkbookGrid {
  const replacement = table(key, rows);
  return { ...grid, tabs: grid.tabs.map((t) => (t.title === replacement.title ? replacement : t)) };
}

/**
 * Three invented schools for committee demos and tests: the sample project, a tidy school
 * project with no errors, and a final report started late (mostly empty, with errors).
 */
export function sampleSchools(): { readonly fileName: string; readonly grid: WorkbookGrid }[] {
  const network = sampleGrid();

  let tidy = withFields(sampleGrid(), "general", {
    org_full_name: "Муниципальное общеобразовательное учреждение «Средняя общеобразовательная школа № 4» г. Озёрска",
    org_short_name: SCHOOL4,
    email: "school4@example.ru",
    website: "https://school4-ozersk.example.ru",
    leader: "Кольцова Анна Викторовна",
    leader_position: "заместитель директора по УВР",
    coordinator: "Зимина Татьяна Петровна",
    topic: "Школа-лидер как стажировочная площадка для учителей района",
    declared_mentors: 3,
    declared_mentees: 9,
    declared_pairs: 9,
  });
  const mentors = [MENTORS.russian, MENTORS.physics, MENTORS.biology];
  const mentees = [
    "Ершова Галина Семёновна",
    "Панова Юлия Викторовна",
    "Рябова Оксана Дмитриевна",
    "Калинин Артём Викторович",
    "Лукина Дарья Сергеевна",
    "Савина Елизавета Андреевна",
    "Титова Зоя Михайловна",
    "Уварова Кира Сергеевна",
    "Шилова Инна Борисовна",
  ];
  const schools = [LESNOVSKAYA, SOSNOVSKAYA, KAMENSKAYA];
  tidy = withRows(
    tidy,
    "mentoring",
    mentees.map((mentee, i) => {
      const mentor = mentors[Math.floor(i / 3)]!;
      return {
        no: String(i + 1),
        mentor: mentor.name,
        mentor_org: mentor.org,
        subject: mentor.subject,
        mentee,
        mentee_org: schools[i % 3]!,
        form: "Учитель – учитель",
        start: d("2022-01-17"),
        end: d("2022-12-23"),
        status: "Активна",
      };
    }),
  );
  tidy = withRows(tidy, "staff", [
    {
      name: "Кольцова Анна Викторовна",
      position: "Заместитель директора по УВР, высшая категория",
      role: "Руководство проектом",
    },
    { name: "Зимина Татьяна Петровна", position: "Учитель химии, высшая категория", role: "Координация" },
  ]);
  const plan = (sampleGrid().tabs.find((t) => t.title === "План-факт")!.rows as Cell[][]).map((r) => [...r]);
  plan[5]![11] = "Выезды перенесены на апрель – май, график согласован со школами";

  const late = withFields(blankTemplateGrid(), "general", {
    report_type: "Итоговый",
    period: "2019-2020 учебный год",
    org_full_name: "Муниципальное общеобразовательное учреждение «Берёзовская основная общеобразовательная школа»",
    org_short_name: BEREZOVSKAYA,
    municipality: "Озёрский муниципальный район",
    leader: "Гусев Денис Валерьевич",
    leader_position: "директор",
    topic: "Формирующее оценивание в основной школе",
  });

  return [
    { fileName: "Центр развития образования.xlsx", grid: network },
    {
      fileName: "СОШ № 4.xlsx",
      grid: { ...tidy, tabs: tidy.tabs.map((t) => (t.title === "План-факт" ? { title: t.title, rows: plan } : t)) },
    },
    { fileName: "Берёзовская ООШ.xlsx", grid: late },
  ];
}
