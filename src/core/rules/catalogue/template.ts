/** TPL_*: the template itself — tabs, headers, error cells, dropdown values. */
import { quote } from "../../quote.js";
import { rule, variants } from "./define.js";

export const TEMPLATE_RULES = {
  TPL_SHEET_MISSING: rule({
    severity: "error",
    title: "Нет вкладки шаблона",
    description: "В книге нет одной из вкладок шаблона (название сравнивается без учёта регистра и пробелов).",
    fix: "Выполнить «Создать / обновить шаблон»: недостающая вкладка появится, данные не пострадают.",
    message: (p: { tab: string; purpose: string }) =>
      `Нет вкладки «${p.tab}» (${p.purpose}). ` +
      `Выполните «Создать / обновить шаблон» — вкладка появится, данные не пострадают.`,
    example: { tab: "Организации", purpose: "организации — участники проекта" },
  }),
  TPL_SHEET_NAME: variants({
    severity: "error",
    title: "Название вкладки не совпадает с шаблоном",
    description:
      "Вкладке шаблона отвечают несколько вкладок книги, или её название набрано латинскими буквами, похожими на русские.",
    fix: "Удалить или переименовать лишние вкладки; вкладку с латинскими буквами переименовать, набрав название заново.",
    message: {
      several: (p: { tab: string; count: string; listed: string; chosen: string }) =>
        `Вкладке шаблона «${p.tab}» отвечают ${p.count}: ${p.listed}. Прочитана ${quote(p.chosen)}; ` +
        `удалите лишние вкладки или переименуйте их, иначе неясно, какие данные верны.`,
      latin: (p: { tab: string; written: string }) =>
        `В названии вкладки ${quote(p.written)} есть латинские буквы, похожие на русские. ` +
        `Вкладка прочитана как «${p.tab}»; переименуйте её в «${p.tab}», набрав название заново.`,
    },
    example: { variant: "latin", params: { tab: "План-факт", written: "Плaн-факт" } },
  }),
  TPL_HEADER_MISMATCH: variants({
    severity: "error",
    title: "Заголовок столбца не совпадает с шаблоном",
    description:
      "Заголовок столбца пропал, переименован или стоит не на своём месте; по заголовкам столбцы находят проверка и отчёт.",
    fix: "Вернуть заголовок и порядок столбцов шаблона (свои столбцы — справа) или выполнить «Создать / обновить шаблон».",
    message: {
      missing: (p: { tab: string; header: string; cell: string }) =>
        `На вкладке «${p.tab}» нет столбца «${p.header}» (ожидался в ` +
        `ячейке ${p.cell}). Выполните «Создать / обновить шаблон» или верните заголовок.`,
      renamed: (p: { cell: string; written: string; header: string }) =>
        `В ячейке ${p.cell} заголовок ${quote(p.written)}, а должен быть «${p.header}». ` +
        `Верните заголовок шаблона: по нему столбец находят проверка и отчёт.`,
      moved: (p: { header: string; cell: string; expected: string }) =>
        `Столбец «${p.header}» стоит в ячейке ${p.cell}, а по шаблону должен ` +
        `быть ${p.expected}. Верните порядок столбцов шаблона (свои столбцы добавляйте справа).`,
      laterColumn: (p: { tab: string; header: string; since: string; cell: string; written: string }) =>
        `На вкладке «${p.tab}» нет столбца «${p.header}» (его добавила версия ${p.since} шаблона), ` +
        `а в ячейке ${p.cell} стоит ваш столбец ${quote(p.written)}. Выполните «Создать / обновить шаблон»: ` +
        `ваш столбец сдвинется вправо со всеми значениями.`,
      fieldMissing: (p: { tab: string; cell: string; header: string }) =>
        `На вкладке «${p.tab}» в ячейке ${p.cell} нет ` +
        `заголовка «${p.header}». Выполните «Создать / обновить шаблон».`,
      fieldRenamed: (p: { cell: string; written: string; header: string }) =>
        `В ячейке ${p.cell} заголовок ${quote(p.written)}, а должен быть «${p.header}». Верните заголовок шаблона.`,
    },
    example: { variant: "renamed", params: { cell: "B1", written: "Вид", header: "Тип" } },
  }),
  TPL_CELL_ERROR: rule({
    severity: "error",
    title: "Ошибка формулы в ячейке",
    description:
      "В ячейке ошибка таблицы (#REF!, #N/A, #VALUE!, #DIV/0!, #NAME?, #ERROR!); такое значение не читается и в отчёт не идёт.",
    fix: "Исправить формулу или заменить её значением.",
    message: (p: { cell: string; code: string }) =>
      `В ячейке ${p.cell} ошибка формулы ${quote(p.code)}. Исправьте формулу или замените её значением.`,
    example: { cell: "G2", code: "#REF!" },
  }),
  TPL_ENUM_INVALID: variants({
    severity: "error",
    title: "Значение не из списка",
    description:
      "Значение столбца или поля с выпадающим списком не совпадает ни с одним пунктом списка (без учёта регистра, пробелов и ё/е).",
    fix: "Выбрать значение из списка; сообщение подсказывает ближайшее.",
    message: {
      cell: (p: { row: number; header: string; value: string; advice: string }) =>
        `В строке ${p.row} в столбце «${p.header}» значение ${quote(p.value)} не из списка. ${p.advice}`,
      field: (p: { label: string; value: string; advice: string }) =>
        `В поле «${p.label}» значение ${quote(p.value)} не из списка. ${p.advice}`,
    },
    example: {
      variant: "cell",
      params: {
        row: 2,
        header: "Статус",
        value: "Выполнено полностью",
        advice: "Возможно, имелось в виду «Выполнено». Выберите значение из списка: «Выполнено», «В работе».",
      },
    },
  }),
};
