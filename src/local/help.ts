/**
 * The help of `mip`: one table of commands, their forms and flags. The overview (`mip help`)
 * and each command's help (`mip help КОМАНДА`, `mip КОМАНДА --help`) are both generated from
 * it, so they name the same flags and outputs; test/cli/help.test.ts checks that every
 * command's parser accepts exactly the flags listed here. Adding a command is one entry in
 * COMMAND_HELP plus its loader in cli.ts. This module imports nothing heavy (`mip help` stays fast).
 */

interface FlagHelp {
  /** Without the dashes: "out". */
  readonly name: string;
  /** The placeholder of its value («ФАЙЛ.xlsx»); absent for a switch. */
  readonly value?: string;
  /** What it does, one or more lines. */
  readonly text: readonly string[];
}

interface CommandForm {
  /** Positional arguments as shown: «ФАЙЛ.xlsx», «ПУТЬ...». */
  readonly args: string;
  /** Names of the flags (from `flags`) this form accepts, in the order shown. */
  readonly flags: readonly string[];
}

export interface CommandHelp {
  readonly name: string;
  readonly forms: readonly CommandForm[];
  /** One line for the overview. */
  readonly does: string;
  /** The paragraph of the command's own help. */
  readonly about: readonly string[];
  readonly flags: readonly FlagHelp[];
  /** Trailing lines: what is never overwritten, the exit codes. */
  readonly footer: readonly string[];
}

const OUT_XLSX = "ФАЙЛ.xlsx";

export const COMMAND_HELP: readonly CommandHelp[] = [
  {
    name: "template",
    forms: [
      { args: "", flags: ["out", "sample", "force"] },
      { args: "--roadmap", flags: ["out", "sample", "force"] },
      { args: "--upgrade СТАРЫЙ.xlsx", flags: ["out"] },
    ],
    does: "шаблон таблицы (mip-template.xlsx), дорожная карта комитета (mip-roadmap.xlsx) или обновление таблицы",
    about: [
      "Записывает шаблон таблицы МИП (.xlsx): все вкладки, заголовки, закреплённая первая строка,",
      "ширина столбцов, выпадающие списки и подсказки.",
    ],
    flags: [
      {
        name: "out",
        value: OUT_XLSX,
        text: [
          "куда записать (по умолчанию mip-template.xlsx; с --roadmap — mip-roadmap.xlsx;",
          "с --upgrade — «СТАРЫЙ (шаблон N).xlsx» рядом со старым)",
        ],
      },
      { name: "sample", text: ["заполнить шаблон примером проекта (вымышленные имена)"] },
      { name: "force", text: ["заменить существующий файл (без него существующий файл не трогается)"] },
      {
        name: "roadmap",
        text: [
          "дорожная карта комитета: вкладки «Дорожная карта», «Распоряжение», «Реестр»;",
          "с --sample — вымышленный пример",
        ],
      },
      {
        name: "upgrade",
        value: "СТАРЫЙ.xlsx",
        text: [
          "обновить таблицу прежней версии шаблона: новые столбцы, поля и вкладки",
          "добавляются, все значения, ваши столбцы, вкладки и оформление сохраняются;",
          "результат — новый файл, старый не меняется; если добавлять нечего, ничего не пишется",
        ],
      },
    ],
    footer: ["Коды выхода: 0 — записано (или обновлять нечего), 2 — записать нельзя."],
  },
  {
    name: "validate",
    forms: [{ args: "ФАЙЛ.xlsx", flags: ["json", "report-date"] }],
    does: "проверить таблицу: ошибки и предупреждения по вкладкам (коды 0 / 1 / 2)",
    about: ["Проверяет таблицу МИП и печатает найденное по вкладкам."],
    flags: [
      { name: "json", text: ["вывести результат в формате JSON (для скриптов)"] },
      {
        name: "report-date",
        value: "ДД.ММ.ГГГГ",
        text: ["считать датой отчёта эту дату (вместо «Дата отчёта» в таблице)"],
      },
    ],
    footer: ["Коды выхода: 0 — ошибок нет, 1 — есть ошибки, 2 — файл нельзя прочитать."],
  },
  {
    name: "report",
    forms: [{ args: "ФАЙЛ.xlsx", flags: ["out", "strict"] }],
    does: "отчёт МИП в формате .docx",
    about: ["Формирует отчёт МИП в формате .docx по таблице, скачанной из Google Таблиц."],
    flags: [
      {
        name: "out",
        value: "ОТЧЁТ.docx",
        text: [
          "куда записать отчёт (по умолчанию — рядом с таблицей, под именем",
          "«Отчёт МИП — {организация} — {период}.docx»). Существующий файл",
          "не перезаписывается: отчёт получит имя «… (2).docx», «… (3).docx».",
        ],
      },
      { name: "strict", text: ["не формировать отчёт, если в таблице есть ошибки."] },
    ],
    footer: [
      "Коды выхода: 0 — отчёт записан (при ошибках — черновик), 1 — строгий режим и есть ошибки,",
      "2 — файл нельзя прочитать или отчёт нельзя записать.",
    ],
  },
  {
    name: "summary",
    forms: [{ args: "ПУТЬ...", flags: ["out", "docx", "signer", "json"] }],
    does: "свод комитета по многим таблицам (файлы или папки): свод .xlsx, «Сводка по МИП» .docx",
    about: [
      "Сводит таблицы МИП (файлы .xlsx или папки с ними) в одну таблицу — как вкладка «Свод»",
      "в Google Таблицах: заполненность, ошибки, выполнение плана, наставничество, состояние.",
    ],
    flags: [
      { name: "out", value: "СВОД.xlsx", text: ["записать свод в .xlsx"] },
      {
        name: "docx",
        value: "СВОДКА.docx",
        text: [
          "записать «Сводку по МИП» по всем организациям в .docx (по отчётным",
          "периодам отдельно; итоги проверки таблиц — в приложении)",
        ],
      },
      {
        name: "signer",
        value: '"ДОЛЖНОСТЬ ФИО"',
        text: ["кто подписывает сводку: «Специалист комитета образования О.П. Миронова»"],
      },
      { name: "json", text: ["вывести свод в JSON (для скриптов)"] },
    ],
    footer: [
      "Существующие файлы не перезаписываются: новый получит имя «… (2)».",
      "Коды выхода: 0 — свод готов (даже если часть файлов не прочитана: это видно в «Состояние»),",
      "2 — нет ни одного входного файла.",
    ],
  },
  {
    name: "spravka",
    forms: [{ args: "ПРОЕКТ.xlsx [ШКОЛЫ…]", flags: ["survey", "roadmap", "out", "date", "strict"] }],
    does: "справка о реализации муниципального проекта (.docx)",
    about: [
      "Составляет справку о реализации муниципального проекта (.docx) по таблице проекта —",
      "организации-координатора — и по таблицам организаций-участников (файлы .xlsx или папки).",
      "Учитываются только участники, перечисленные на вкладке «Организации» проекта, с тем же",
      "отчётным периодом; остальные таблицы названы с причиной и не смешиваются.",
    ],
    flags: [
      {
        name: "survey",
        value: "ОТВЕТЫ.xlsx…",
        text: [
          "ответы анкеты мониторинга — один или несколько файлов .xlsx",
          "(из Google Форм или анкета mip survey): по ним написаны разделы 4 и 5;",
          "при ошибках в ответах справка — черновик с приложением замечаний.",
        ],
      },
      {
        name: "roadmap",
        value: "ДОРОЖНАЯ_КАРТА.xlsx",
        text: ["дорожная карта комитета: её распоряжение названо в этапе, на который", "приходится его дата."],
      },
      {
        name: "out",
        value: "СПРАВКА.docx",
        text: [
          "куда записать справку (по умолчанию — рядом с таблицей проекта, под именем",
          "«Справка о реализации проекта — {организация} — {дата}.docx»). Существующий",
          "файл не перезаписывается: справка получит имя «… (2).docx».",
        ],
      },
      {
        name: "date",
        value: "ДД.ММ.ГГГГ",
        text: ["дата справки (по умолчанию — «Дата отчёта» проекта или сегодняшняя)."],
      },
      { name: "strict", text: ["не составлять справку, если в таблице проекта есть ошибки."] },
    ],
    footer: [
      "Коды выхода: 0 — справка записана, 1 — строгий режим и есть ошибки,",
      "2 — таблицу проекта нельзя прочитать или справку нельзя записать.",
    ],
  },
  {
    name: "survey",
    forms: [{ args: "[ПРОЕКТ.xlsx]", flags: ["out"] }],
    does: "анкета муниципального мониторинга (.xlsx) для сбора ответов без Google Форм",
    about: [
      "Записывает анкету муниципального мониторинга (.xlsx): вопросы для школ с НОР и для",
      "школ-лидеров — вид ответа, варианты, пункт справки, который пишет ответ, — и листы ответов",
      "в том же виде, что таблица ответов Google Формы («Отметка времени», затем столбец на вопрос).",
      "Заполненный файл — ответы анкеты для справки о реализации проекта (mip help spravka).",
      "С таблицей проекта ПРОЕКТ.xlsx в столбце «Образовательная организация» — выпадающий список",
      "её «Организаций» нужной группы (школы с НОР; школы-лидеры и стажировочные площадки).",
    ],
    flags: [
      {
        name: "out",
        value: "АНКЕТА.xlsx",
        text: [
          "куда записать (по умолчанию «Анкета мониторинга.xlsx»). Существующий файл",
          "не перезаписывается: анкета получит имя «… (2).xlsx».",
        ],
      },
    ],
    footer: ["Коды выхода: 0 — записано, 2 — таблицу проекта нельзя прочитать или анкету нельзя записать."],
  },
  {
    name: "roadmap",
    forms: [
      { args: "ДОРОЖНАЯ_КАРТА.xlsx", flags: ["json", "out"] },
      { args: "ДОРОЖНАЯ_КАРТА.xlsx ПАПКА_ИЛИ_ФАЙЛЫ… --execution", flags: ["date", "out", "matrix"] },
    ],
    does: "дорожная карта комитета: проверка и распоряжение (коды 0 / 1 / 2) или исполнение по таблицам школ",
    about: [
      "Проверяет дорожную карту комитета (вкладки «Дорожная карта», «Распоряжение», «Реестр») и",
      "записывает распоряжение с приложением — дорожной картой на альбомных страницах (.docx).",
      "Пока в дорожной карте есть ошибки, документ помечается как черновик.",
      "Пустую дорожную карту и её пример записывает mip template (mip help template).",
    ],
    flags: [
      { name: "json", text: ["результат проверки в формате JSON (поля как у mip validate)"] },
      {
        name: "out",
        value: "ФАЙЛ.docx",
        text: [
          "куда записать документ — распоряжение или отчёт об исполнении",
          "(по умолчанию — рядом с дорожной картой)",
        ],
      },
      {
        name: "execution",
        text: [
          "исполнение по таблицам школ (файлы .xlsx или папки): отчёт об исполнении",
          "(.docx) и матрица «пункт × школа» (.xlsx); просроченное выделено",
        ],
      },
      { name: "date", value: "ДД.ММ.ГГГГ", text: ["на какую дату считать исполнение (по умолчанию — сегодня)"] },
      { name: "matrix", value: "МАТРИЦА.xlsx", text: ["куда записать матрицу исполнения (.xlsx)"] },
    ],
    footer: [
      "Существующие файлы не перезаписываются: новый получит имя «… (2)».",
      "Коды выхода: 0 — ошибок нет (или исполнение записано), 1 — в дорожной карте есть ошибки,",
      "2 — файл нельзя прочитать или записать.",
    ],
  },
  {
    name: "demo",
    forms: [{ args: "", flags: ["out"] }],
    does: "пример проекта: таблица, проверка, отчёты, сводка, дорожная карта, анкета и справка в ./demo-out",
    about: [
      "Создаёт пример проекта «Сетевое наставничество» (вымышленные имена) и показывает всё, что",
      "умеет mip: таблицу .xlsx, её проверку, отчёт .docx, второй пример — отчёт по форме",
      "«Новокузнецк», сводку комитета, дорожную карту комитета с её исполнением, ответы анкеты",
      "мониторинга (7 + 3) и справку о реализации проекта, разделы 4 и 5 которой написаны по этим",
      "ответам.",
    ],
    flags: [{ name: "out", value: "ПАПКА", text: ["куда записать (по умолчанию ./demo-out)"] }],
    footer: ["Существующие файлы не заменяются."],
  },
];

function commandHelp(name: string): CommandHelp | undefined {
  return COMMAND_HELP.find((c) => c.name === name);
}

function flagOf(command: CommandHelp, name: string): FlagHelp {
  const flag = command.flags.find((f) => f.name === name);
  if (!flag) throw new Error(`mip ${command.name}: the form names --${name}, which has no entry`);
  return flag;
}

const flagUsage = (flag: FlagHelp): string => `[--${flag.name}${flag.value ? ` ${flag.value}` : ""}]`;

/** «mip summary ПУТЬ... [--out СВОД.xlsx] [--docx СВОДКА.docx] …», one per form. */
export function synopses(command: CommandHelp): string[] {
  return command.forms.map((form) =>
    ["mip", command.name, form.args, ...form.flags.map((name) => flagUsage(flagOf(command, name)))]
      .filter(Boolean)
      .join(" "),
  );
}

/** The text of `mip help КОМАНДА`. */
export function usageOf(name: string): string {
  const command = commandHelp(name);
  if (!command) throw new Error(`no help for mip ${name}`);
  const [first, ...others] = synopses(command);
  const heads = command.flags.map((f) => `--${f.name}${f.value ? ` ${f.value}` : ""}`);
  const width = Math.max(...heads.map((h) => h.length)) + 2;
  const flags = command.flags.flatMap((flag, i) =>
    flag.text.map((line, j) => `  ${(j === 0 ? heads[i]! : "").padEnd(width)} ${line}`),
  );
  return [
    `Использование: ${first}`,
    ...others.map((s) => `               ${s}`),
    "",
    ...command.about,
    ...flags,
    ...command.footer,
  ].join("\n");
}

/** The text of `mip help`. */
export function overview(): string {
  const commands = COMMAND_HELP.flatMap((c) => [...synopses(c).map((s) => `  ${s}`), `        ${c.does}`]);
  return [
    "mip — МИП-отчёт: проверка таблиц муниципальных инновационных площадок и отчёты.",
    "",
    "Команды:",
    ...commands,
    "  mip help [КОМАНДА]   эта справка или справка по команде",
    "  mip --version        версия",
    "",
    "Таблицу из Google Таблиц скачайте так: Файл → Скачать → Microsoft Excel (.xlsx).",
    "Существующие файлы mip не перезаписывает. Результат — в stdout, ход работы и предупреждения — в stderr.",
  ].join("\n");
}
