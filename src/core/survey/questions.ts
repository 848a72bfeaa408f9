/**
 * The municipal monitoring questionnaire as data: two question sets (schools with low results,
 * leader schools), each question with its kind and the справка item it feeds («4.13»). The
 * Google Form, the questionnaire .xlsx and the reading of the answers are all made from this
 * list, so a question's title is the one key that ties an answer column to its question.
 */

export type SurveyGroup = "low" | "leaders";

type QuestionKind =
  /** The respondent's organisation, chosen from the project's «Организации». */
  | "organisation"
  /** One option of a list. */
  | "one"
  /** Several options; `other` adds «Другое» with the respondent's own words. */
  | "several"
  /** A whole score from 1 to 5. */
  | "score"
  /** One step of a four-step agreement scale (the options, from the most to the least). */
  | "agreement"
  /** Free text. */
  | "text";

export interface SurveyQuestion {
  /** Stable key (code and tests only). */
  readonly id: string;
  /** The question as the form asks it; also the column header of Google's responses sheet. */
  readonly title: string;
  readonly kind: QuestionKind;
  readonly options?: readonly string[];
  /** «several» questions: the form offers «Другое» with a text field. */
  readonly other?: boolean;
  /** The справка item this question writes («4.1»), null for the respondent's own details. */
  readonly feeds: string | null;
  /** How the справка item opens («Поддержка школ с НОР школой-наставником в решении школьных проблем»). */
  readonly lead: string;
  /** «several» questions: the справка groups schools by the set of options they chose. */
  readonly combinations?: boolean;
  /** «text» questions: answers meaning «nothing to report» are counted, not quoted, with this phrase. */
  readonly noneMeans?: string;
  readonly required: boolean;
}

export interface QuestionSet {
  readonly group: SurveyGroup;
  /** The form's title. */
  readonly title: string;
  readonly description: string;
  /** Who answers, genitive after «из»: «из одной школы с НОР», «из пяти школ с НОР». */
  readonly respondents: readonly [singular: string, plural: string];
  /** The «Организации» types this group is made of. */
  readonly orgTypes: readonly string[];
  /** The справка section it writes (4 or 5). */
  readonly section: "4" | "5";
  readonly questions: readonly SurveyQuestion[];
}

/** The first column of Google's responses sheet. */
export const TIMESTAMP_TITLE = "Отметка времени";
/** The text Google Forms puts in front of a respondent's own words for «Другое». */
export const OTHER_OPTION = "Другое";

const ORGANISATION: SurveyQuestion = {
  id: "organisation",
  title: "Образовательная организация",
  kind: "organisation",
  feeds: null,
  lead: "",
  required: true,
};

/** The respondent's group: the «Организации» types of the set; checked against the type there. */
const groupQuestion = (types: readonly string[]): SurveyQuestion => ({
  id: "group",
  title: "Группа школ",
  kind: "one",
  options: types,
  feeds: null,
  lead: "",
  required: true,
});

const AGREEMENT = ["Да", "Скорее да, чем нет", "Скорее нет, чем да", "Нет"] as const;
const SATISFACTION = [
  "Удовлетворены полностью",
  "Скорее удовлетворены, чем нет",
  "Скорее нет, чем да",
  "Не удовлетворены",
] as const;
const YES_NO = ["Да", "Нет"] as const;

const DIRECTIONS = ["Работа с педагогами", "Работа с администрацией", "Работа с обучающимися"] as const;
const LOW_MOTIVES = [
  "Распоряжение органа местного самоуправления, осуществляющего управление в сфере образования",
  "Желание получить помощь от коллег из школ с высокими результатами",
  "Ожидание поддержки в развитии профессиональных компетенций и нового опыта взаимодействия в сети",
  "Стремление к совместному решению новых задач, стоящих перед системой общего образования",
] as const;
const LEADER_MOTIVES = [
  "Распоряжение органа местного самоуправления, осуществляющего управление в сфере образования",
  "Желание помочь коллегам из школ, имеющих проблемы в подготовке обучающихся",
  "Стремление к совместному решению новых задач, стоящих перед системой общего образования",
] as const;

export const LOW_RESULTS_SET: QuestionSet = {
  group: "low",
  title: "Мониторинг участников сетевого проекта: школы с НОР",
  description:
    "Анкета для школ с низкими образовательными результатами — участников муниципального проекта. " +
    "Одна анкета от школы; ответы войдут в справку о реализации проекта.",
  respondents: ["школы с НОР", "школ с НОР"],
  orgTypes: ["Школа с НОР"],
  section: "4",
  questions: [
    ORGANISATION,
    groupQuestion(["Школа с НОР"]),
    {
      id: "motives",
      title: "Чем руководствовалась школа при включении в сетевое наставничество?",
      kind: "several",
      options: LOW_MOTIVES,
      other: true,
      feeds: "4.1",
      lead: "При включении в работу по сетевому наставничеству школы с НОР руководствовались",
      required: true,
    },
    {
      id: "expected_help",
      title: "Какую помощь школа планировала получить от школы-наставника в работе с педагогами?",
      kind: "several",
      options: [
        "Передача необходимых теоретических знаний и практических навыков",
        "Помощь в профессиональной адаптации начинающих педагогов",
        "Развитие конкретных профессиональных компетенций",
      ],
      other: true,
      feeds: "4.2",
      lead: "В работе с педагогами школы планировали получить от школы-наставника",
      required: true,
    },
    {
      id: "expectations_met",
      title: "Насколько оправдались ваши ожидания от совместной работы со школой-партнёром?",
      kind: "agreement",
      options: AGREEMENT,
      feeds: "4.3",
      lead: "Ответы на вопрос «Насколько оправдались ваши ожидания от совместной работы со школой-партнёром?»",
      required: true,
    },
    {
      id: "project_design",
      title: "Участвовала ли школа в проектировании сетевого проекта?",
      kind: "one",
      options: YES_NO,
      feeds: "4.4",
      lead: "Участие в проектировании сетевого проекта",
      required: true,
    },
    {
      id: "diagnostics",
      title: "Учитывались ли результаты диагностики профессиональных дефицитов педагогов?",
      kind: "agreement",
      options: AGREEMENT,
      feeds: "4.5",
      lead: "Ответы на вопрос «Учитывались ли результаты диагностики профессиональных дефицитов педагогов?»",
      required: true,
    },
    {
      id: "directions",
      title: "По каким направлениям велась работа со школой-наставником?",
      kind: "several",
      options: DIRECTIONS,
      combinations: true,
      feeds: "4.6",
      lead: "Работа со школой-наставником велась",
      required: true,
    },
    {
      id: "memorable",
      title: "Какие мероприятия проекта больше всего запомнились педагогам?",
      kind: "text",
      feeds: "4.7",
      lead:
        "Педагогам школ с НОР наиболее запомнились, заставили задуматься о корректировке работы " +
        "с обучающимися/педагогами следующие мероприятия",
      required: false,
    },
    {
      id: "managerial",
      title: "Какие совместные мероприятия развивали управленческие компетенции руководителей?",
      kind: "text",
      feeds: "4.8",
      lead:
        "Отмечались совместные мероприятия по развитию конкретных профессиональных управленческих " +
        "компетенций руководителей",
      required: false,
    },
    {
      id: "forms_teachers",
      title: "Какие формы работы с педагогами вы предпочитаете?",
      kind: "several",
      options: ["Семинары", "Консультации", "Тренинги", "Собеседования", "Практикумы", "Мастер-классы", "Вебинары"],
      other: true,
      feeds: "4.9",
      lead: "В работе с педагогами школы с НОР предпочитают",
      required: true,
    },
    {
      id: "forms_leaders",
      title: "Какие формы работы с руководителями вы предпочитаете?",
      kind: "several",
      options: ["Совещания", "Педсоветы", "Консультации", "Вебинары"],
      other: true,
      feeds: "4.10",
      lead: "В работе с руководителями школы с НОР предпочитают",
      required: true,
    },
    {
      id: "forms_pupils",
      title: "Какие формы работы с обучающимися оказались наиболее результативными?",
      kind: "text",
      feeds: "4.11",
      lead: "Наиболее результативными формами работы с обучающимися названы",
      required: false,
    },
    {
      id: "changes",
      title: "Что изменилось в работе педагогов школы благодаря проекту?",
      kind: "text",
      feeds: "4.12",
      lead: "Изменения в работе педагогов",
      required: false,
    },
    {
      id: "support_score",
      title: "Оцените поддержку школы-наставника в решении школьных проблем (от 1 до 5)",
      kind: "score",
      feeds: "4.13",
      lead: "Поддержка школ с НОР школой-наставником в решении школьных проблем",
      required: true,
    },
    {
      id: "satisfaction",
      title: "Удовлетворены ли вы совместной работой со школой-наставником?",
      kind: "agreement",
      options: SATISFACTION,
      feeds: "4.14",
      lead: "Удовлетворённость совместной работой со школой-наставником",
      required: true,
    },
    {
      id: "problems",
      title: "Какие проблемы возникли в ходе реализации проекта?",
      kind: "text",
      feeds: "4.15",
      lead: "Отмечены следующие проблемы, возникшие в ходе реализации проекта",
      noneMeans: "с проблемами не сталкивались",
      required: false,
    },
    {
      id: "proposals",
      title: "Ваши предложения по организации сетевого наставничества",
      kind: "text",
      feeds: "4.16",
      lead: "Были высказаны следующие предложения",
      noneMeans: "предложений не высказали",
      required: false,
    },
  ],
};

export const LEADERS_SET: QuestionSet = {
  group: "leaders",
  title: "Мониторинг участников сетевого проекта: школы-лидеры",
  description:
    "Анкета для школ с высокими образовательными результатами (школ-наставников) и стажировочных площадок. " +
    "Одна анкета от школы; ответы войдут в справку о реализации проекта.",
  respondents: ["школы-лидера", "школ-лидеров"],
  orgTypes: ["Школа-лидер", "Стажировочная площадка"],
  section: "5",
  questions: [
    ORGANISATION,
    groupQuestion(["Школа-лидер", "Стажировочная площадка"]),
    {
      id: "motives",
      title: "Чем руководствовалась школа, включаясь в проект в качестве школы-наставника?",
      kind: "several",
      options: LEADER_MOTIVES,
      other: true,
      feeds: "5.1",
      lead:
        "При принятии решения включиться в качестве школы-наставника в реализацию программ сетевого " +
        "наставничества школы с высокими образовательными результатами руководствовались",
      required: true,
    },
    {
      id: "project_design",
      title: "Участвовала ли школа в проектировании сетевого проекта?",
      kind: "one",
      options: YES_NO,
      feeds: "5.2",
      lead: "Участие в проектировании сетевого проекта",
      required: true,
    },
    {
      id: "efficiency",
      title: "Оцените эффективность проекта (от 1 до 5)",
      kind: "score",
      feeds: "5.3",
      lead: "Эффективность проекта",
      required: true,
    },
    {
      id: "directions",
      title: "По каким направлениям школа работала в проекте?",
      kind: "several",
      options: ["Работа с педагогами", "Работа с руководителями", "Работа с обучающимися"],
      combinations: true,
      feeds: "5.4",
      lead: "Работа в проекте велась",
      required: true,
    },
    {
      id: "significant",
      title: "Какие мероприятия проекта вы считаете наиболее значимыми?",
      kind: "text",
      feeds: "5.5",
      lead: "Наиболее значимыми мероприятиями названы",
      required: false,
    },
    {
      id: "comfort",
      title: "Оцените комфортность работы в проекте (от 1 до 5)",
      kind: "score",
      feeds: "5.6",
      lead: "Степень комфортности работы в рамках реализации проекта",
      required: true,
    },
    {
      id: "satisfaction",
      title: "Оцените удовлетворённость работой в проекте (от 1 до 5)",
      kind: "score",
      feeds: "5.7",
      lead: "Удовлетворённость от работы в проекте",
      required: true,
    },
    {
      id: "problems",
      title: "Какие проблемы возникли в реализации проекта?",
      kind: "text",
      feeds: "5.8",
      lead: "Отмечены следующие проблемы в реализации проекта",
      noneMeans: "с проблемами не сталкивались",
      required: false,
    },
    {
      id: "recommendations",
      title: "Ваши рекомендации по устранению возникших проблем",
      kind: "text",
      feeds: "5.9",
      lead: "Даны следующие рекомендации по устранению возникших проблем",
      noneMeans: "рекомендаций не дали",
      required: false,
    },
  ],
};

export const QUESTION_SETS: readonly QuestionSet[] = [LOW_RESULTS_SET, LEADERS_SET];

/** The lowest and highest score of a «score» question. */
export const SCORE_MIN = 1;
export const SCORE_MAX = 5;
