/**
 * «Настройки комитета»: the committee spreadsheet's own key-value tab (`Поле | Значение |
 * Подсказка`, fields found by their label in column A, like the template's key-value tabs).
 * It holds who signs the committee's documents — the «Сводка по МИП» and, when a project's
 * workbook names no signer, its справка о реализации проекта.
 */
import { fold } from "../fold.js";
import { type Cell, cellText } from "../grid.js";
import { KEY_VALUE_HEADERS } from "../schema.js";

export const COMMITTEE_SETTINGS_TITLE = "Настройки комитета";

export interface Signer {
  readonly position: string;
  /** As typed: «Миронова Ольга Петровна» or «Миронова О.П.»; documents print «О.П. Миронова». */
  readonly name: string;
}

const COMMITTEE_SETTINGS_FIELDS = [
  {
    key: "signer_position",
    label: "Должность подписывающего",
    hint: "Например: специалист комитета образования; подпись под «Сводкой по МИП» и справками",
  },
  { key: "signer_name", label: "ФИО подписывающего", hint: "Фамилия Имя Отчество; в документе — «И.О. Фамилия»" },
] as const;

/** The tab as written on creation: headers, then one row per field (label, empty value, hint). */
export const COMMITTEE_SETTINGS_ROWS: readonly (readonly string[])[] = [
  [...KEY_VALUE_HEADERS],
  ...COMMITTEE_SETTINGS_FIELDS.map((f) => [f.label, "", f.hint]),
];

export interface CommitteeSettings {
  /** null when neither the position nor the name is filled. */
  readonly signer: Signer | null;
}

/** The tab's rows (as read, row 1 = headers) → the settings; a missing tab or label is empty. */
export function parseCommitteeSettings(rows: readonly (readonly Cell[])[]): CommitteeSettings {
  const values = new Map<string, string>();
  for (const row of rows.slice(1)) {
    const field = COMMITTEE_SETTINGS_FIELDS.find((f) => fold(f.label) === fold(cellText(row[0])));
    if (field && !values.has(field.key)) values.set(field.key, cellText(row[1]).replace(/\s+/g, " "));
  }
  const position = values.get("signer_position") ?? "";
  const name = values.get("signer_name") ?? "";
  return { signer: position !== "" || name !== "" ? { position, name } : null };
}
