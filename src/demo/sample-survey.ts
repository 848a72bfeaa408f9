/**
 * Invented answers to the monitoring questionnaire for the sample project: seven answers of
 * schools with low results (five schools; two of them answered twice, the later answer
 * counts; one writes its name without the legal form and with «е» for «ё») and three of the
 * leader schools. Laid out as Google Forms' responses sheet: «Отметка времени», then one
 * column per question title. All names are invented and match the sample's «Организации».
 */
import type { Cell, TabGrid } from "../core/grid.js";
import { LEADERS_SET, LOW_RESULTS_SET, type QuestionSet, TIMESTAMP_TITLE } from "../core/survey/questions.js";

/** The sheet title Google gives the responses of a form. */
const RESPONSES_SHEET = "Ответы на форму (1)";

type Answers = Readonly<Record<string, string | number>>;

const LOW_ANSWERS: readonly Answers[] = [
  {
    time: "05.12.2022 09:12:41",
    organisation: "МОУ «Лесновская СОШ»",
    group: "Школа с НОР",
    motives: "Распоряжение органа местного самоуправления, осуществляющего управление в сфере образования",
    expected_help: "Передача необходимых теоретических знаний и практических навыков",
    expectations_met: "Скорее нет, чем да",
    project_design: "Нет",
    diagnostics: "Да",
    directions: "Работа с педагогами",
    forms_teachers: "Семинары",
    forms_leaders: "Совещания",
    support_score: 3,
    satisfaction: "Скорее нет, чем да",
    problems: "Нет",
  },
  {
    time: "05.12.2022 10:03:15",
    organisation: "Березовская ООШ",
    group: "Школа с НОР",
    motives:
      "Распоряжение органа местного самоуправления, осуществляющего управление в сфере образования, " +
      "Желание получить помощь от коллег из школ с высокими результатами",
    expected_help:
      "Передача необходимых теоретических знаний и практических навыков, Помощь в профессиональной адаптации начинающих педагогов",
    expectations_met: "Скорее да, чем нет",
    project_design: "Да",
    diagnostics: "Да",
    directions: "Работа с педагогами, Работа с администрацией, Работа с обучающимися",
    memorable: "Психологическая гостиная",
    managerial: "Вебинары для руководителей",
    forms_teachers: "Семинары, Консультации, Тренинги",
    forms_leaders: "Совещания, Педсоветы",
    forms_pupils: "«Школа выпускника»",
    changes: "Учителя стали чаще использовать задания формата ВПР на уроках",
    support_score: 5,
    satisfaction: "Удовлетворены полностью",
    problems: "Высокая нагрузка у педагогов: не все смогли участвовать в мероприятиях проекта",
    proposals: "Провести день открытых дверей — общую встречу наставников и наставляемых",
  },
  {
    time: "06.12.2022 14:27:03",
    organisation: "МОУ «Сосновская СОШ»",
    group: "Школа с НОР",
    motives:
      "Распоряжение органа местного самоуправления, осуществляющего управление в сфере образования, " +
      "Ожидание поддержки в развитии профессиональных компетенций и нового опыта взаимодействия в сети",
    expected_help: "Передача необходимых теоретических знаний и практических навыков",
    expectations_met: "Скорее да, чем нет",
    project_design: "Нет",
    diagnostics: "Скорее да, чем нет",
    directions: "Работа с педагогами",
    memorable: "Вебинары",
    forms_teachers: "Семинары, Консультации",
    forms_leaders: "Совещания, Консультации",
    support_score: 3,
    satisfaction: "Скорее удовлетворены, чем нет",
    problems: "Мало личного контакта",
    proposals: "Проведение открытых уроков и мастер-классов",
  },
  {
    time: "06.12.2022 15:40:52",
    organisation: "МОУ «Каменская СОШ»",
    group: "Школа с НОР",
    motives: "Распоряжение органа местного самоуправления, осуществляющего управление в сфере образования",
    expected_help: "Передача необходимых теоретических знаний и практических навыков",
    expectations_met: "Скорее да, чем нет",
    project_design: "Нет",
    diagnostics: "Да",
    directions: "Работа с педагогами",
    forms_teachers: "Консультации",
    forms_leaders: "Совещания",
    support_score: 3,
    satisfaction: "Скорее удовлетворены, чем нет",
    problems: "Нет",
  },
  {
    time: "07.12.2022 11:18:09",
    organisation: "МОУ «Ручьёвская ООШ»",
    group: "Школа с НОР",
    motives:
      "Распоряжение органа местного самоуправления, осуществляющего управление в сфере образования, " +
      "Желание получить помощь от коллег из школ с высокими результатами, Участие в муниципальной программе",
    expected_help: "Передача необходимых теоретических знаний и практических навыков",
    expectations_met: "Скорее да, чем нет",
    project_design: "Да",
    diagnostics: "Да",
    directions: "Работа с педагогами, Работа с администрацией",
    memorable: "Психологическая гостиная",
    managerial: "Совещания",
    forms_teachers: "Семинары, Практикумы",
    forms_leaders: "Педсоветы",
    forms_pupils: "Интеллектуальные игры",
    support_score: 4,
    satisfaction: "Скорее удовлетворены, чем нет",
    problems: "Не очень удобное время проведения психологической гостиной",
    proposals: "Проведение открытых уроков и мастер-классов",
  },
  {
    time: "08.12.2022 16:05:44",
    organisation: "МОУ «Лесновская СОШ»",
    group: "Школа с НОР",
    motives:
      "Распоряжение органа местного самоуправления, осуществляющего управление в сфере образования, " +
      "Желание получить помощь от коллег из школ с высокими результатами",
    expected_help: "Передача необходимых теоретических знаний и практических навыков",
    expectations_met: "Скорее да, чем нет",
    project_design: "Да",
    diagnostics: "Да",
    directions: "Работа с педагогами, Работа с администрацией, Работа с обучающимися",
    memorable: "Консультирование с наставником",
    managerial: "Вебинары для руководителей",
    forms_teachers: "Семинары, Консультации",
    forms_leaders: "Совещания, Педсоветы",
    forms_pupils: "«Школа выпускника»",
    changes: "Педагоги составили индивидуальные планы профессионального развития",
    support_score: 4,
    satisfaction: "Скорее удовлетворены, чем нет",
    problems: "Нет",
    proposals: "Совместный банк методических разработок школ проекта",
  },
  {
    time: "09.12.2022 08:51:30",
    organisation: "МОУ «Каменская СОШ»",
    group: "Школа с НОР",
    motives: "Распоряжение органа местного самоуправления, осуществляющего управление в сфере образования",
    expected_help: "Передача необходимых теоретических знаний и практических навыков",
    expectations_met: "Скорее да, чем нет",
    project_design: "Нет",
    diagnostics: "Да",
    directions: "Работа с педагогами, Работа с администрацией, Работа с обучающимися",
    memorable: "Вебинары",
    forms_teachers: "Консультации, Тренинги",
    forms_leaders: "Совещания",
    support_score: 4,
    satisfaction: "Скорее удовлетворены, чем нет",
    problems: "Нет",
    proposals: "Рациональное распределение нагрузки педагогов, вовлечённых в сетевое сотрудничество",
  },
];

const LEADER_ANSWERS: readonly Answers[] = [
  {
    time: "06.12.2022 12:30:00",
    organisation: "МОУ «СОШ № 4»",
    group: "Школа-лидер",
    motives:
      "Распоряжение органа местного самоуправления, осуществляющего управление в сфере образования, " +
      "Желание помочь коллегам из школ, имеющих проблемы в подготовке обучающихся",
    project_design: "Да",
    efficiency: 4,
    directions: "Работа с педагогами, Работа с руководителями, Работа с обучающимися",
    significant: "Методические вебинары для школ с НОР",
    comfort: 3,
    satisfaction: 4,
    problems: "Ограничены временные рамки для живого общения из-за нагрузки педагогов",
    recommendations: "Организовать встречи для живого общения во время каникул",
  },
  {
    time: "07.12.2022 09:45:10",
    organisation: "МОУ «Озёрская гимназия»",
    group: "Школа-лидер",
    motives:
      "Распоряжение органа местного самоуправления, осуществляющего управление в сфере образования, " +
      "Стремление к совместному решению новых задач, стоящих перед системой общего образования",
    project_design: "Да",
    efficiency: 4,
    directions: "Работа с педагогами",
    significant: "Психологическая гостиная",
    comfort: 3,
    satisfaction: 4,
    problems: "Нет четкого понимания того, какая конкретная помощь нужна школам с НОР",
    recommendations: "Координация работы школ-лидеров и школ с НОР научным руководителем",
  },
  {
    time: "08.12.2022 13:02:27",
    organisation: "МОУ «СОШ № 1»",
    group: "Стажировочная площадка",
    motives: "Распоряжение органа местного самоуправления, осуществляющего управление в сфере образования",
    project_design: "Нет",
    efficiency: 3,
    directions: "Работа с педагогами, Работа с руководителями",
    significant: "Методические вебинары для школ с НОР",
    comfort: 4,
    satisfaction: 3,
    problems: "Недостаток времени у педагогов-наставников в связи с учебной нагрузкой",
    recommendations: "Методический день для педагога-наставника: посещение уроков и консультации",
  },
];

function responsesGrid(set: QuestionSet, answers: readonly Answers[]): TabGrid {
  const header: Cell[] = [TIMESTAMP_TITLE, ...set.questions.map((q) => q.title)];
  const rows = answers.map((a): Cell[] => [a.time ?? null, ...set.questions.map((q) => a[q.id] ?? null)]);
  return { title: RESPONSES_SHEET, rows: [header, ...rows] };
}

export interface SampleSurveyFile {
  readonly fileName: string;
  readonly tab: TabGrid;
}

/** The two responses spreadsheets as Google's «Скачать → .xlsx» gives them: one sheet each. */
export function sampleSurveyFiles(): SampleSurveyFile[] {
  return [
    { fileName: "Анкета мониторинга — школы с НОР (ответы).xlsx", tab: responsesGrid(LOW_RESULTS_SET, LOW_ANSWERS) },
    { fileName: "Анкета мониторинга — школы-лидеры (ответы).xlsx", tab: responsesGrid(LEADERS_SET, LEADER_ANSWERS) },
  ];
}
