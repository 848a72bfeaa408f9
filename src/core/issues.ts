/** Findings and the rule catalogue (ids and severities are a contract, see docs/RULES.md). */

export type Severity = "error" | "warning" | "info";

export const RULES = {
  TPL_SHEET_MISSING: { severity: "error", title: "Нет вкладки шаблона" },
  TPL_SHEET_NAME: { severity: "error", title: "Название вкладки не совпадает с шаблоном" },
  TPL_HEADER_MISMATCH: { severity: "error", title: "Заголовок столбца не совпадает с шаблоном" },
  TPL_CELL_ERROR: { severity: "error", title: "Ошибка формулы в ячейке" },
  TPL_ENUM_INVALID: { severity: "error", title: "Значение не из списка" },
  GEN_REQUIRED: { severity: "error", title: "Не заполнено обязательное поле" },
  GEN_PERIOD_INVALID: { severity: "error", title: "Не читается отчётный период" },
  GEN_EMAIL_INVALID: { severity: "warning", title: "Неверный адрес электронной почты" },
  GEN_URL_INVALID: { severity: "warning", title: "Неверный адрес сайта" },
  GEN_CONCLUSION_TOO_LONG: { severity: "error", title: "Общий вывод длиннее 2000 знаков" },
  GEN_FINAL_EMPTY_CONCLUSION: { severity: "error", title: "В итоговом отчёте нет общего вывода" },
  FORM_ITEM_EMPTY: { severity: "error", title: "Не заполнен обязательный пункт формы" },
  TERM_INVALID: { severity: "error", title: "Не читается срок или дата" },
  TERM_REVERSED: { severity: "error", title: "Срок заканчивается раньше, чем начинается" },
  TERM_OUTSIDE_PERIOD: { severity: "warning", title: "Срок вне отчётного периода" },
  STG_OVERLAP: { severity: "warning", title: "Этапы пересекаются" },
  STG_NONE_IN_PERIOD: { severity: "warning", title: "Ни один этап не приходится на отчётный период" },
  PLAN_ACTIVITY_MISSING: { severity: "error", title: "Нет запланированного мероприятия" },
  PLAN_STATUS_MISSING: { severity: "error", title: "Нет статуса" },
  PLAN_FACT_MISSING: { severity: "error", title: "Нет фактического содержания" },
  PLAN_DEVIATION_REASON_MISSING: { severity: "error", title: "Нет причины отклонения" },
  PLAN_DEVIATION_ACTION_MISSING: { severity: "error", title: "Нет управленческих действий" },
  PLAN_REASON_WITHOUT_DEVIATION: { severity: "warning", title: "Причина отклонения при статусе «Выполнено»" },
  PLAN_QTY_INVALID: { severity: "error", title: "Количество не число" },
  PLAN_STATUS_QTY_MISMATCH: { severity: "warning", title: "Количество противоречит статусу" },
  PLAN_OVERDUE: { severity: "warning", title: "Срок прошёл, а мероприятие не завершено" },
  PLAN_NUMBER_DUPLICATE: { severity: "error", title: "Повтор номера" },
  PLAN_NUMBER_PARENT_MISSING: { severity: "warning", title: "Нет родительского пункта" },
  PLAN_CHILD_OUTSIDE_PARENT: { severity: "warning", title: "Подпункт вне срока родительского пункта" },
  PLAN_TASK_UNKNOWN: { severity: "warning", title: "Неизвестный номер задачи" },
  PLAN_OUTSIDE_STAGE: { severity: "warning", title: "Срок вне этапов проекта" },
  PLAN_RESPONSIBLE_MISSING: { severity: "warning", title: "Нет ответственного" },
  ORG_DUPLICATE: { severity: "error", title: "Организация указана дважды" },
  MENT_PERSON_MISSING: { severity: "error", title: "Не указан наставник или наставляемый" },
  MENT_SELF: { severity: "error", title: "Наставник и наставляемый — одно лицо" },
  MENT_ORG_UNKNOWN: { severity: "error", title: "Организации нет на вкладке «Организации»" },
  MENT_MENTOR_ORG_TYPE: { severity: "warning", title: "Наставник из школы с НОР" },
  MENT_MENTEE_ORG_TYPE: { severity: "warning", title: "Наставляемый из школы-лидера" },
  MENT_SAME_ORG: { severity: "info", title: "Наставник и наставляемый из одной организации" },
  MENT_SUBJECT_MISSING: { severity: "error", title: "Не указан предмет" },
  MENT_MENTOR_MULTI_SUBJECT: { severity: "warning", title: "У наставника несколько предметов" },
  MENT_LOAD_EXCEEDED: { severity: "warning", title: "Превышена нагрузка наставника" },
  MENT_DUPLICATE_PAIR: { severity: "error", title: "Пара повторяется" },
  MENT_MENTEE_MULTI_MENTOR: { severity: "warning", title: "У наставляемого два наставника по одному предмету" },
  MENT_NOT_HELD_REASON: { severity: "error", title: "Нет причины, почему пара не состоялась" },
  MENT_DECLARED_MISMATCH: { severity: "warning", title: "Заявленные числа не совпадают с таблицей" },
  MENT_NAME_VARIANT: { severity: "warning", title: "Один человек записан по-разному" },
  PART_COUNT_INVALID: { severity: "error", title: "Количество не целое неотрицательное число" },
  PART_COUNT_TEXT: { severity: "info", title: "Количество записано текстом" },
  PART_TOTAL_MISMATCH: { severity: "error", title: "Общее число участников не совпадает с суммой" },
  PART_CATEGORY_DUPLICATE: { severity: "warning", title: "Категория указана дважды" },
  PART_TRAINING_PERCENT_MISMATCH: { severity: "warning", title: "Процент педагогов не сходится" },
  EVT_NAME_MISSING: { severity: "error", title: "Нет названия" },
  EVT_LEVEL_MISSING: { severity: "error", title: "Нет уровня" },
  EVT_COUNT_INVALID: { severity: "error", title: "Количество участников не число" },
  EVT_NO_PARTICIPANTS: { severity: "warning", title: "Нет участников" },
  RES_ACTUAL_MISSING: { severity: "warning", title: "Нет фактического результата" },
  PROB_TOO_FEW: { severity: "error", title: "Меньше трёх затруднений" },
  PROB_SOLUTION_MISSING: { severity: "warning", title: "Нет путей решения" },
  DOC_NUMBER_MISSING: { severity: "warning", title: "Нет номера документа" },
  DOC_DUPLICATE: { severity: "warning", title: "Документ повторяется" },
  STAFF_LEADER_MISSING: { severity: "warning", title: "Руководителя нет на вкладке «Кадры»" },
  // Справка о реализации проекта: «Мониторинг», «Рекомендации», «Справка о проекте».
  MON_INDICATOR_MISSING: { severity: "error", title: "Нет показателя мониторинга" },
  MON_GROUP_MISSING: { severity: "warning", title: "Не указана группа школ" },
  MON_VALUE_INVALID: { severity: "error", title: "Значение мониторинга не число" },
  MON_SCALE_INVALID: { severity: "error", title: "Не указан или не читается максимум шкалы" },
  MON_ABOVE_SCALE: { severity: "error", title: "Значение больше максимума шкалы" },
  REC_ADDRESSEE_MISSING: { severity: "error", title: "У рекомендации нет адресата" },
  REC_TEXT_MISSING: { severity: "error", title: "Нет текста рекомендации" },
  REC_DEADLINE_MISSING: { severity: "warning", title: "Нет срока рекомендации" },
  REC_DEADLINE_INVALID: { severity: "error", title: "Срок рекомендации не читается как дата" },
  SPR_SIGNER_INCOMPLETE: { severity: "warning", title: "Подписывающий справку указан не полностью" },
  // Дорожная карта комитета (src/core/roadmap/): «Дорожная карта» and «Распоряжение».
  ROADMAP_EMPTY: { severity: "error", title: "В дорожной карте нет пунктов" },
  ROADMAP_NUMBER_INVALID: { severity: "error", title: "Номер пункта не читается" },
  ROADMAP_NUMBER_DUPLICATE: { severity: "error", title: "Номер пункта повторяется" },
  ROADMAP_NUMBER_GAP: { severity: "warning", title: "Пропуск в нумерации пунктов" },
  ROADMAP_NUMBER_ORDER: { severity: "warning", title: "Пункты не по порядку" },
  ROADMAP_NUMBER_MISSING: { severity: "warning", title: "Строка без номера пункта" },
  ROADMAP_NAME_MISSING: { severity: "error", title: "Нет направления деятельности" },
  ROADMAP_DATE_MISSING: { severity: "error", title: "Нет даты пункта" },
  ROADMAP_DATE_INVALID: { severity: "error", title: "Дата пункта не читается" },
  ROADMAP_DATE_VAGUE: { severity: "warning", title: "Дата пункта без начала или на весь год" },
  ROADMAP_DATE_OUTSIDE_YEAR: { severity: "warning", title: "Дата пункта вне года дорожной карты" },
  ROADMAP_CHILD_OUTSIDE_PARENT: { severity: "warning", title: "Подпункт вне дат своего направления" },
  ROADMAP_RESPONSIBLE_MISSING: { severity: "error", title: "Нет ответственных на муниципальном уровне" },
  ROADMAP_RESULT_MISSING: { severity: "error", title: "Нет ожидаемого результата" },
  ROADMAP_SCHOOL_UNKNOWN: { severity: "error", title: "Школы нет в реестре" },
  ROADMAP_SCHOOL_GUESS: { severity: "warning", title: "Школа узнана по сокращённому названию" },
  ROADMAP_ORDER_FIELD_MISSING: { severity: "error", title: "Не заполнено поле распоряжения" },
  ROADMAP_ORDER_DATE_INVALID: { severity: "error", title: "Дата распоряжения не читается" },
  // A school's workbook: «Пункт дорожной карты» in «План-факт» and «Мероприятия МИП».
  ROADMAP_LINK_INVALID: { severity: "warning", title: "Пункт дорожной карты не читается" },
} as const satisfies Record<string, { severity: Severity; title: string }>;

export type RuleId = keyof typeof RULES;

export interface Issue {
  rule: RuleId;
  severity: Severity;
  /** Tab title. */
  sheet: string;
  /** 1-based sheet row, null for a whole tab or workbook. */
  row: number | null;
  /** Header text of the column, null when no column is meant. */
  column: string | null;
  /** A1 address when one cell is meant. */
  cell: string | null;
  /** Russian: what is wrong, the offending value in «», how to fix it. */
  message: string;
}

export interface IssueCounts {
  errors: number;
  warnings: number;
  infos: number;
}

export function countIssues(issues: readonly Issue[]): IssueCounts {
  const counts = { errors: 0, warnings: 0, infos: 0 };
  for (const issue of issues) {
    if (issue.severity === "error") counts.errors++;
    else if (issue.severity === "warning") counts.warnings++;
    else counts.infos++;
  }
  return counts;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Quote a user value for a message: «value», shortened so a huge cell cannot flood it. */
export function quote(value: string, max = 80): string {
  const oneLine = value.replace(/\s+/g, " ").trim();
  return `«${oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine}»`;
}

export { SEVERITY_ORDER };
