/** ORG_*, MENT_*: organisations and mentoring pairs. */
import { quote } from "../../quote.js";
import { countWithNoun } from "../../russian.js";
import { rule, variants } from "./define.js";

const CURRENT_MENTEES = ["действующий наставляемый", "действующих наставляемых", "действующих наставляемых"] as const;

const ORG_TYPE_ADVICE = "проверьте организацию или её тип на вкладке «Организации».";

export const MENTORING_RULES = {
  ORG_DUPLICATE: rule({
    severity: "error",
    title: "Организация указана дважды",
    description:
      "Организация уже есть выше на вкладке «Организации» (названия сравниваются без правовой формы, кавычек и регистра).",
    fix: "Удалить повтор или объединить строки.",
    message: (p: { name: string; row: number; firstRow: number; firstName: string }) =>
      `Организация ${quote(p.name)} в строке ${p.row} уже есть в ` +
      `строке ${p.firstRow}${p.firstName === p.name ? "" : ` (там она записана как ${quote(p.firstName)})`}. ` +
      `Удалите повтор или объедините строки.`,
    example: { name: "МБОУ СОШ № 4", row: 5, firstRow: 2, firstName: "СОШ №4" },
  }),
  MENT_PERSON_MISSING: variants({
    severity: "error",
    title: "Не указан наставник или наставляемый",
    description: "В паре не указан наставник или наставляемый.",
    fix: "Заполнить ФИО полностью.",
    message: {
      mentor: (p: { row: number }) =>
        `В строке ${p.row} не указан наставник. Заполните столбец «Наставник» (ФИО полностью).`,
      mentee: (p: { row: number }) =>
        `В строке ${p.row} не указан наставляемый. Заполните столбец «Наставляемый» (ФИО полностью).`,
    },
    example: { variant: "mentor", params: { row: 4 } },
  }),
  MENT_SELF: rule({
    severity: "error",
    title: "Наставник и наставляемый — одно лицо",
    description: "В одной строке наставник и наставляемый — один и тот же человек.",
    fix: "Исправить ФИО наставника или наставляемого.",
    message: (p: { row: number; name: string }) =>
      `В строке ${p.row} наставник и наставляемый — одно лицо ` +
      `(${quote(p.name)}). Исправьте ФИО наставника или наставляемого.`,
    example: { row: 4, name: "Соколова Ирина Павловна" },
  }),
  MENT_ORG_UNKNOWN: variants({
    severity: "error",
    title: "Организации нет на вкладке «Организации»",
    description:
      "Организация наставника или наставляемого не найдена на вкладке «Организации» (или эта вкладка пуста).",
    fix: "Исправить название (сообщение подсказывает ближайшее) или добавить организацию на вкладку «Организации».",
    message: {
      unknown: (p: { row: number; name: string; suggestion: string | null }) =>
        `В строке ${p.row} организации ${quote(p.name)} нет на вкладке «Организации».` +
        `${p.suggestion ? ` Возможно, имелась в виду ${quote(p.suggestion)}.` : ""} ` +
        `Исправьте название или добавьте организацию на вкладку «Организации».`,
      noOrgs: () =>
        "Вкладка «Организации» пуста, поэтому организации наставников и " +
        "наставляемых не с чем сверить. Перечислите там все организации проекта.",
    },
    example: { variant: "unknown", params: { row: 4, name: "СОШ 44", suggestion: "МБОУ СОШ № 4" } },
  }),
  MENT_MENTOR_ORG_TYPE: rule({
    severity: "warning",
    title: "Наставник из школы с НОР",
    description: "Организация наставника отмечена на вкладке «Организации» как «Школа с НОР».",
    fix: "Проверить организацию наставника или её тип.",
    message: (p: { row: number; org: string }) =>
      `В строке ${p.row} наставник из организации ${quote(p.org)}, а у неё тип «Школа с ` +
      `НОР». Наставники обычно из школ-лидеров; ${ORG_TYPE_ADVICE}`,
    example: { row: 4, org: "МБОУ ООШ № 9" },
  }),
  MENT_MENTEE_ORG_TYPE: rule({
    severity: "warning",
    title: "Наставляемый из школы-лидера",
    description: "Организация наставляемого отмечена как «Школа-лидер» или «Стажировочная площадка».",
    fix: "Проверить организацию наставляемого или её тип.",
    message: (p: { row: number; org: string; type: string }) =>
      `В строке ${p.row} наставляемый из ` +
      `организации ${quote(p.org)}, а у неё тип «${p.type}». ` +
      `Наставляемые обычно из школ с НОР; ${ORG_TYPE_ADVICE}`,
    example: { row: 4, org: "МБОУ СОШ № 4", type: "Школа-лидер" },
  }),
  MENT_SAME_ORG: rule({
    severity: "info",
    title: "Наставник и наставляемый из одной организации",
    description: "Наставник и наставляемый из одной организации — это не сетевое наставничество.",
    fix: "Ничего, если так и задумано; иначе исправить организацию.",
    message: (p: { row: number; org: string }) =>
      `В строке ${p.row} наставник и наставляемый из одной организации ${quote(p.org)} ` +
      `— это не сетевое наставничество. Если так и задумано, ничего делать не нужно.`,
    example: { row: 4, org: "МБОУ СОШ № 4" },
  }),
  MENT_SUBJECT_MISSING: rule({
    severity: "error",
    title: "Не указан предмет",
    description: "У пары не указан предмет или направление наставничества.",
    fix: "Заполнить «Предмет / направление».",
    message: (p: { row: number }) =>
      `В строке ${p.row} не указан предмет или направление ` +
      `наставничества. Заполните столбец «Предмет / направление».`,
    example: { row: 4 },
  }),
  MENT_MENTOR_MULTI_SUBJECT: rule({
    severity: "warning",
    title: "У наставника несколько предметов",
    description: "Один наставник записан в парах по разным предметам.",
    fix: "Проверить предмет: обычно наставник ведёт одно направление.",
    message: (p: { mentor: string; row: number; subject: string; firstRow: number; firstSubject: string }) =>
      `У наставника ${quote(p.mentor)} в строке ${p.row} ` +
      `предмет ${quote(p.subject)}, а в строке ${p.firstRow} — ${quote(p.firstSubject)}. ` +
      `Проверьте предмет: обычно наставник ведёт одно направление.`,
    example: { mentor: "Соколова И.П.", row: 6, subject: "Физика", firstRow: 4, firstSubject: "Математика" },
  }),
  MENT_LOAD_EXCEEDED: variants({
    severity: "warning",
    title: "Превышена нагрузка наставника",
    description:
      "У наставника больше действующих наставляемых, чем допускает «Максимум наставляемых у одного наставника» на вкладке «Настройки» (или сам предел не читается).",
    fix: "Перераспределить пары или изменить предел в «Настройках».",
    message: {
      exceeded: (p: { mentor: string; load: number; limit: number }) =>
        `У наставника ${quote(p.mentor)} ${countWithNoun(p.load, CURRENT_MENTEES)}, ` +
        `а допускается не больше ${p.limit} ` +
        `(вкладка «Настройки»). Перераспределите пары или измените предел в «Настройках».`,
      limitUnreadable: (p: { value: string; label: string; limit: number }) =>
        `Значение ${quote(p.value)} в поле «${p.label}» не читается как целое ` +
        `число больше нуля; нагрузка наставников проверена с пределом ${p.limit}. Укажите число, например 5.`,
    },
    example: { variant: "exceeded", params: { mentor: "Соколова И.П.", load: 6, limit: 5 } },
  }),
  MENT_DUPLICATE_PAIR: rule({
    severity: "error",
    title: "Пара повторяется",
    description: "Пара «наставник — наставляемый» по тому же предмету уже есть выше.",
    fix: "Удалить повтор.",
    message: (p: { mentor: string; mentee: string; subject: string; row: number; firstRow: number }) =>
      `Пара ${quote(p.mentor)} ` +
      `— ${quote(p.mentee)}${p.subject ? ` по предмету ${quote(p.subject)}` : ""} ` +
      `в строке ${p.row} уже есть в строке ${p.firstRow}. Удалите повтор.`,
    example: { mentor: "Соколова И.П.", mentee: "Орлов Д.С.", subject: "Математика", row: 6, firstRow: 4 },
  }),
  MENT_MENTEE_MULTI_MENTOR: rule({
    severity: "warning",
    title: "У наставляемого два наставника по одному предмету",
    description: "У наставляемого по одному предмету две действующие пары с разными наставниками.",
    fix: "Оставить одного наставника или завершить одну из пар.",
    message: (p: {
      mentee: string;
      subject: string;
      firstMentor: string;
      firstRow: number;
      mentor: string;
      row: number;
    }) =>
      `У наставляемого ${quote(p.mentee)} по предмету ${quote(p.subject)} два ` +
      `действующих наставника: ${quote(p.firstMentor)} (строка ${p.firstRow}) ` +
      `и ${quote(p.mentor)} (строка ${p.row}). Оставьте одного или завершите одну из пар.`,
    example: {
      mentee: "Орлов Д.С.",
      subject: "Математика",
      firstMentor: "Соколова И.П.",
      firstRow: 4,
      mentor: "Белов А.А.",
      row: 7,
    },
  }),
  MENT_NOT_HELD_REASON: rule({
    severity: "error",
    title: "Нет причины, почему пара не состоялась",
    description: "Пара не состоялась (или прекращена), а причина не указана.",
    fix: "Заполнить «Причина, если не состоялась».",
    message: (p: { row: number; status: string }) =>
      `В строке ${p.row} статус «${p.status}», но причина не указана. Заполните столбец ` +
      `«Причина, если не состоялась» (например: «длительная болезнь наставника»).`,
    example: { row: 4, status: "Не состоялась" },
  }),
  MENT_DECLARED_MISMATCH: variants({
    severity: "warning",
    title: "Заявленные числа не совпадают с таблицей",
    description:
      "Число наставников, наставляемых или пар на вкладке «Общие сведения» не совпадает с вкладкой «Наставничество» или не читается.",
    fix: "Исправить заявленное число или таблицу пар.",
    message: {
      differs: (p: { label: string; declared: number; what: string; actual: number; notHeld: boolean }) =>
        `${p.label}: ${p.declared}, а на вкладке «Наставничество» ${p.what} ${p.actual}` +
        `${p.notHeld ? " (без пар со статусом «Не состоялась»)" : ""}. ` +
        `Исправьте заявленное число или таблицу пар.`,
      unreadable: (p: { label: string; value: string }) =>
        `В поле «${p.label}» значение ${quote(p.value)} не читается как целое ` +
        `число, поэтому его не с чем сверить. Укажите число, например 21.`,
    },
    example: {
      variant: "differs",
      params: { label: "Заявлено наставников", declared: 12, what: "наставников", actual: 10, notHeld: false },
    },
  }),
  MENT_NAME_VARIANT: rule({
    severity: "warning",
    title: "Один человек записан по-разному",
    description:
      "Одно ФИО записано полностью и с инициалами («Петрова О.В.» и «Петрова Ольга Викторовна»): в итогах такой человек посчитан дважды.",
    fix: "Записать ФИО одинаково (полностью).",
    message: (p: { row: number; name: string; firstRow: number; firstName: string }) =>
      `В строке ${p.row} ${quote(p.name)}, а в строке ${p.firstRow} — ${quote(p.firstName)}. Если это один ` +
      `человек, запишите ФИО одинаково (полностью): иначе он посчитан дважды в числе наставников и наставляемых.`,
    example: { row: 6, name: "Соколова И.П.", firstRow: 4, firstName: "Соколова Ирина Павловна" },
  }),
};
