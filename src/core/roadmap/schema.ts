/**
 * The committee's roadmap tabs: «Дорожная карта» (columns A–F exactly as the committee's order
 * prints them, a contract) and the key-value «Распоряжение» (the order that approves it). They
 * live in the committee's spreadsheet and in a local roadmap workbook; the execution matrix
 * «Исполнение дорожной карты» is written by the committee's refresh and by `mip roadmap --execution`.
 */
import type { KeyValueTabDef, TableTabDef } from "../schema.js";

export const ROADMAP_TITLE = "Дорожная карта";
export const ORDER_TITLE = "Распоряжение";
export const EXECUTION_TITLE = "Исполнение дорожной карты";

/** The contract columns A–F, in this order. */
export const ROADMAP_HEADERS = [
  "№ п/п",
  "Направления деятельности",
  "Дата",
  "Ответственные на муниципальном уровне",
  "Ответственные на институциональном уровне",
  "Ожидаемые результаты",
] as const;

export const ROADMAP_TAB = {
  key: "roadmap",
  title: ROADMAP_TITLE,
  type: "table",
  purpose: "Пункты муниципальной дорожной карты: направления и подпункты до трёх уровней.",
  columns: [
    { key: "no", header: ROADMAP_HEADERS[0], kind: "outline", width: 8, hint: "1, 2, 8.1, 8.1.1" },
    { key: "name", header: ROADMAP_HEADERS[1], kind: "longtext", width: 48 },
    {
      key: "date",
      header: ROADMAP_HEADERS[2],
      kind: "term",
      width: 16,
      hint: "Как в распоряжении: 24.02, 03.03-10.03, Апрель, май, Ноябрь 15.11, 17.11; год — год дорожной карты",
    },
    { key: "municipal", header: ROADMAP_HEADERS[3], kind: "longtext", width: 34 },
    {
      key: "institutional",
      header: ROADMAP_HEADERS[4],
      kind: "longtext",
      width: 34,
      hint: "Названия школ из реестра (пункт касается только их) или «Руководители школьных сетевых команд» — всех школ; «–» — ни одной",
    },
    { key: "result", header: ROADMAP_HEADERS[5], kind: "longtext", width: 44 },
  ],
} as const satisfies TableTabDef<"roadmap">;

const field = <K extends string>(key: K, label: string, required: boolean, hint: string) =>
  ({ key, label, kind: "text", required, hint }) as const;

export const ORDER_TAB = {
  key: "order",
  title: ORDER_TITLE,
  type: "keyValue",
  purpose: "Распоряжение комитета, которым утверждена дорожная карта: шапка, пункты, подпись, рассылка.",
  fields: [
    field(
      "administration",
      "Администрация",
      true,
      "Первая строка бланка: Администрация Озёрского муниципального района",
    ),
    field("committee", "Комитет", true, "Например: Комитет образования (на бланке — прописными)"),
    field("date", "Дата распоряжения", true, "ДД.ММ.ГГГГ; в документе — «от 05 марта 2022 года»"),
    field("number", "Номер распоряжения", true, "Например: 94"),
    field("year", "Год дорожной карты", false, "Если пусто — год из даты распоряжения; даты без года берут его"),
    field("title", "Заголовок", true, "Об утверждении муниципальной дорожной карты …"),
    field("preamble", "Преамбула", false, "В целях …: (двоеточие в конце ставится само)"),
    field(
      "points",
      "Пункты распоряжения",
      true,
      "Каждый пункт с новой строки, с номером: «1. Утвердить …», «2. Руководителям …:», «2.1. … в срок до 25 марта 2022 года.»",
    ),
    field("signer_position", "Должность подписывающего", true, "Например: Председатель комитета"),
    field("signer", "Подписывающий", true, "И.О. Фамилия"),
    field("distribution", "Разослано", false, "Через запятую: в дело, школы, службы"),
    field(
      "roadmap_heading",
      "Заголовок дорожной карты",
      false,
      "Если пусто — «МУНИЦИПАЛЬНАЯ ДОРОЖНАЯ КАРТА»; вторая строка — с новой строки",
    ),
    field(
      "appendices",
      "Другие приложения",
      false,
      "Названия приложений 2, 3 … по одному в строке (печатаются списком после подписи)",
    ),
  ],
} as const satisfies KeyValueTabDef<"order">;

export type OrderKey = (typeof ORDER_TAB)["fields"][number]["key"];
export type RoadmapColumnKey = (typeof ROADMAP_TAB)["columns"][number]["key"];

export const DEFAULT_ROADMAP_HEADING = "МУНИЦИПАЛЬНАЯ ДОРОЖНАЯ КАРТА";

/** Execution states, as the matrix and the report print them. */
export const EXECUTION_STATES = {
  done: "Выполнено",
  inProgress: "В работе",
  overdue: "Просрочено",
  notDue: "Срок не наступил",
  notConcerned: "—",
} as const;

export type ExecutionState = keyof typeof EXECUTION_STATES;

/** The matrix's first columns; one column per school follows. */
export const EXECUTION_HEADERS = ["№ п/п", "Направления деятельности", "Дата", "Выполнили, %"] as const;
