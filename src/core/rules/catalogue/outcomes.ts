/** EVT_*, RES_*, PROB_*, DOC_*, STAFF_*: events and the smaller sections of the form. */
import { quote } from "../../quote.js";
import { countWithNoun } from "../../russian.js";
import { rule, variants } from "./define.js";
import { readerNote } from "./wording.js";

const PROBLEM_NOUNS = ["затруднение", "затруднения", "затруднений"] as const;

type Forecast = { row: number; what: string; forecast: string; column: string };

const resultMissing = (p: Forecast): string =>
  `В строке ${p.row} указан ${p.what} ${quote(p.forecast)}, но не заполнен ` + `столбец «${p.column}». `;

export const OUTCOMES_RULES = {
  EVT_NAME_MISSING: variants({
    severity: "error",
    title: "Нет названия",
    description: "У мероприятия, конкурса или публикации нет названия, у выступления — темы.",
    fix: "Заполнить название (тему выступления).",
    message: {
      name: (p: { row: number; header: string }) =>
        `В строке ${p.row} не указано название. Заполните столбец «${p.header}».`,
      topic: (p: { row: number; header: string }) =>
        `В строке ${p.row} не указана тема выступления. Заполните столбец «${p.header}».`,
    },
    example: { variant: "name", params: { row: 4, header: "Название мероприятия" } },
  }),
  EVT_LEVEL_MISSING: rule({
    severity: "error",
    title: "Нет уровня",
    description: "У мероприятия, конкурса, выступления или публикации не выбран уровень.",
    fix: "Выбрать уровень из списка: от «Уровень ОО» до «Международный».",
    message: (p: { row: number }) =>
      `В строке ${p.row} не указан уровень. Выберите его в столбце «Уровень»: от «Уровень ОО» до «Международный».`,
    example: { row: 4 },
  }),
  EVT_COUNT_INVALID: rule({
    severity: "error",
    title: "Количество участников не число",
    description: "Число участников мероприятия не читается как целое неотрицательное число.",
    fix: "Указать число участников, например 25.",
    message: (p: { row: number; header: string; value: string; reason: string | null }) =>
      `В строке ${p.row} в столбце «${p.header}» значение ${quote(p.value)} ` +
      `не целое неотрицательное число${readerNote(p.reason)}. Укажите число участников, например 25.`,
    example: { row: 4, header: "Педагоги", value: "около 30", reason: null },
  }),
  EVT_NO_PARTICIPANTS: rule({
    severity: "warning",
    title: "Нет участников",
    description: "У мероприятия по распространению опыта не указано ни одного участника.",
    fix: "Указать, сколько человек участвовало (педагоги, обучающиеся, родители, социальные партнёры).",
    message: (p: { row: number }) =>
      `В строке ${p.row} у мероприятия не указано ни одного участника (педагоги, ` +
      `обучающиеся, родители, социальные партнёры). Укажите, сколько человек участвовало.`,
    example: { row: 4 },
  }),
  RES_ACTUAL_MISSING: variants({
    severity: "warning",
    title: "Нет фактического результата",
    description:
      "У прогнозируемого результата или продукта нет фактического; в итоговом отчёте это ошибка, в промежуточном — предупреждение.",
    fix: "Описать, что получено, или написать, когда ожидается.",
    message: {
      interim: (p: Forecast) => resultMissing(p) + "Опишите, что получено, или напишите, когда ожидается.",
      final: (p: Forecast) => resultMissing(p) + "В итоговом отчёте он обязателен: опишите, что получено.",
    },
    example: {
      variant: "interim",
      params: {
        row: 3,
        what: "прогнозируемый результат",
        forecast: "Модель сетевого наставничества",
        column: "Фактический результат",
      },
    },
  }),
  PROB_TOO_FEW: rule({
    severity: "error",
    title: "Меньше трёх затруднений",
    description: "На вкладке «Затруднения» меньше трёх затруднений, а форма отчёта требует не меньше трёх.",
    fix: "Добавить затруднения и пути их решения.",
    message: (p: { tab: string; count: number }) =>
      `На вкладке «${p.tab}» ${p.count === 0 ? "нет ни одного затруднения" : `только ${countWithNoun(p.count, PROBLEM_NOUNS)}`}, ` +
      `а форма отчёта требует не меньше трёх. Добавьте затруднения и пути их решения.`,
    example: { tab: "Затруднения", count: 2 },
  }),
  PROB_SOLUTION_MISSING: rule({
    severity: "warning",
    title: "Нет путей решения",
    description: "У затруднения не указаны пути решения.",
    fix: "Заполнить «Пути решения».",
    message: (p: { row: number; problem: string }) =>
      `В строке ${p.row} у затруднения ${quote(p.problem, 60)} ` +
      `не указаны пути решения. Заполните столбец «Пути решения».`,
    example: { row: 3, problem: "Нехватка времени у педагогов на взаимные посещения уроков" },
  }),
  DOC_NUMBER_MISSING: rule({
    severity: "warning",
    title: "Нет номера документа",
    description: "У приказа или распоряжения не указан номер.",
    fix: "Указать номер документа, например «908-р».",
    message: (p: { row: number; kind: string }) =>
      `В строке ${p.row} указан ${p.kind === "Распоряжение" ? "документ «Распоряжение»" : "приказ"} ` +
      `без номера. Укажите номер документа, например «908-р».`,
    example: { row: 3, kind: "Приказ" },
  }),
  DOC_DUPLICATE: rule({
    severity: "warning",
    title: "Документ повторяется",
    description: "Документ того же вида, с той же датой и номером уже есть выше.",
    fix: "Удалить повтор.",
    message: (p: { row: number; kind: string; date: string; number: string; firstRow: number }) =>
      `Документ в строке ${p.row} (${quote(p.kind)} от ${quote(p.date)} ` +
      `№ ${quote(p.number)}) повторяет строку ${p.firstRow}. Удалите повтор.`,
    example: { row: 5, kind: "Приказ", date: "01.09.2022", number: "112", firstRow: 3 },
  }),
  STAFF_LEADER_MISSING: rule({
    severity: "warning",
    title: "Руководителя нет на вкладке «Кадры»",
    description: "Руководитель МИП с вкладки «Общие сведения» не найден среди кадров (по фамилии и инициалам).",
    fix: "Добавить руководителя в кадровое обеспечение или проверить написание ФИО.",
    message: (p: { leader: string; label: string; tab: string }) =>
      `Руководителя МИП ${quote(p.leader)} (поле «${p.label}») нет на вкладке ` +
      `«${p.tab}». Добавьте руководителя в кадровое обеспечение или проверьте написание ФИО.`,
    example: { leader: "Кузнецова Марина Олеговна", label: "Руководитель МИП (ФИО)", tab: "Кадры" },
  }),
};
