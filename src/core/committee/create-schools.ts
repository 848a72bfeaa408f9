/**
 * «Создать таблицы школ по «Реестру»»: which registry rows get a new workbook, which only an
 * invitation, and what each row says afterwards. Platform-neutral: the Apps Script adapter
 * (src/gas/committee/create-schools.ts) creates, fills and shares the files.
 *
 * Each row keeps its own state, so a run can stop anywhere and the next one knows what is
 * left: a visible «Таблица школы» cell («Создано, доступ выдан: …», «Создано, доступ не
 * выдан: …», «Не создано: …») and a hidden service cell with the created file's id and the
 * e-mail the invitation went to. A row whose link the committee typed itself is never touched.
 */
import { fold } from "../fold.js";
import { type Cell, cellText } from "../grid.js";
import { REGISTRY_HEADERS } from "./headers.js";
import { parseRegistry } from "./registry.js";
import type { Signer } from "./settings.js";

/** The visible state column of Реестр (right of the contract columns). */
export const CREATION_STATE_HEADER = "Таблица школы";
/** The hidden service column: JSON of the created file (see CreationRecord). */
export const CREATION_RECORD_HEADER = "Созданная таблица (служебное)";
/** The one committee folder every created workbook goes into. */
export const SCHOOLS_FOLDER_NAME = "Таблицы МИП организаций";

/** What the service cell remembers about a row's workbook. */
export interface CreationRecord {
  /** The Drive id of the workbook the add-on created for this row. */
  readonly file: string;
  /** The address an invitation was last tried for ("" when none was tried). */
  readonly email: string;
  readonly shared: boolean;
  /** The last invitation failed for a passing reason (Google's limit): try again next run. */
  readonly retry: boolean;
}

export function recordText(record: CreationRecord): string {
  return JSON.stringify(record);
}

/** The service cell read back; null when empty or edited into something else. */
export function recordFrom(text: string): CreationRecord | null {
  if (text.trim() === "") return null;
  try {
    const v = JSON.parse(text) as Partial<CreationRecord>;
    if (!v || typeof v.file !== "string" || v.file === "") return null;
    return { file: v.file, email: String(v.email ?? ""), shared: v.shared === true, retry: v.retry === true };
  } catch {
    return null;
  }
}

export type CreationState =
  | { readonly kind: "shared"; readonly email: string }
  | { readonly kind: "not-shared"; readonly reason: string }
  | { readonly kind: "not-created"; readonly reason: string };

export function creationStateText(state: CreationState): string {
  switch (state.kind) {
    case "shared":
      return `Создано, доступ выдан: ${state.email}`;
    case "not-shared":
      return `Создано, доступ не выдан: ${state.reason}`;
    case "not-created":
      return `Не создано: ${state.reason}`;
  }
}

/** «МИП — МОУ «СОШ № 4» — 2024-2025 учебный год» (Drive allows any characters in a name). */
export function workbookName(organisation: string, period: string): string {
  const clean = (s: string) => s.replace(/\s+/g, " ").trim();
  return `МИП — ${clean(organisation)} — ${clean(period)}`;
}

/**
 * One address, shaped like one: name@domain.zone, no spaces, no second «@», no list. Drive
 * checks the rest (an address it cannot invite is refused there and becomes the row's state).
 */
export function plausibleEmail(text: string): boolean {
  return /^[^\s@,;<>"']+@[^\s@,;<>"']+\.[^\s@,;<>"'.]{2,}$/.test(text.trim());
}

/** What a run does with one row. */
export type CreationTask =
  | {
      readonly kind: "create";
      readonly row: number;
      readonly organisation: string;
      readonly email: string;
    }
  | {
      readonly kind: "share";
      readonly row: number;
      readonly organisation: string;
      readonly email: string;
      readonly record: CreationRecord;
    }
  | {
      /** Nothing to create: the row only gets its state (no organisation, a foreign link text). */
      readonly kind: "refuse";
      readonly row: number;
      readonly reason: string;
    };

/** 0-based column of a header in row 1 (folded text), -1 when absent. */
function headerColumn(header: readonly Cell[], title: string): number {
  return header.findIndex((c) => fold(cellText(c)) === fold(title));
}

export interface RegistryLayout {
  /** 0-based columns of the state and service cells (placed after the last used header when absent). */
  readonly stateAt: number;
  readonly recordAt: number;
  /** True when row 1 does not carry the two headers yet. */
  readonly headersMissing: boolean;
}

export function registryLayout(header: readonly Cell[]): RegistryLayout {
  const stateAt = headerColumn(header, CREATION_STATE_HEADER);
  const recordAt = headerColumn(header, CREATION_RECORD_HEADER);
  if (stateAt >= 0 && recordAt >= 0) return { stateAt, recordAt, headersMissing: false };
  let last = header.length - 1;
  while (last >= 0 && cellText(header[last]) === "") last--;
  const first = Math.max(last + 1, REGISTRY_HEADERS.length);
  return { stateAt: first, recordAt: first + 1, headersMissing: true };
}

/**
 * The rows a run works on, in registry order. A row is left alone when its link cell already
 * holds a spreadsheet (typed by the committee, or written by an earlier run that also shared
 * it), when its invitation was refused for an address nobody has changed since, or when it is
 * blank. A retry is planned only where the last failure was Google's passing limit.
 */
export function planCreation(rows: readonly (readonly Cell[])[], layout: RegistryLayout): CreationTask[] {
  const tasks: CreationTask[] = [];
  const header = rows[0] ?? [];
  const emailAt = headerColumn(header, REGISTRY_HEADERS[3]);
  for (const entry of parseRegistry(rows)) {
    const raw = rows[entry.row - 1] ?? [];
    const record = recordFrom(cellText(raw[layout.recordAt]));
    const email = (emailAt >= 0 ? cellText(raw[emailAt]) : entry.email).trim();
    if (record) {
      const sameAddress = fold(record.email) === fold(email);
      if (record.shared && sameAddress) continue;
      if (!record.shared && sameAddress && !record.retry) continue;
      if (email === "" && !record.retry) continue;
      tasks.push({ kind: "share", row: entry.row, organisation: entry.organisation, email, record });
      continue;
    }
    if (entry.id !== null) continue;
    if (entry.linkText.trim() !== "") {
      tasks.push({
        kind: "refuse",
        row: entry.row,
        reason: "в «Ссылке на таблицу МИП» уже что-то написано — очистите ячейку, чтобы создать таблицу",
      });
      continue;
    }
    if (entry.organisation.trim() === "") {
      tasks.push({ kind: "refuse", row: entry.row, reason: "не указана организация" });
      continue;
    }
    tasks.push({ kind: "create", row: entry.row, organisation: entry.organisation, email });
  }
  return tasks;
}

/** Rows that will get a new workbook (for the dialog's question). */
export function creationCount(tasks: readonly CreationTask[]): number {
  return tasks.filter((t) => t.kind === "create").length;
}

/**
 * Why an invitation was not sent, from Drive's refusal, in Russian for the row. A passing
 * limit is marked `retry` (the next run tries again); anything else waits for the committee to
 * change the address.
 */
export function shareFailure(message: string): { reason: string; retry: boolean } {
  if (/sharingRateLimitExceeded|rate ?limit|quota|too many|\b429\b/i.test(message))
    return {
      reason: "Google временно ограничил число приглашений — доступ будет выдан при следующем запуске",
      retry: true,
    };
  if (/File not found|notFound|\b404\b/i.test(message))
    return {
      reason:
        "таблица удалена или недоступна комитету; чтобы создать новую, удалите строку и внесите организацию заново",
      retry: false,
    };
  if (/invalidSharingRequest|no Google account|not a Google account/i.test(message))
    return { reason: "у адреса нет аккаунта Google, Диск не может его пригласить", retry: false };
  if (/shareOut|outside|domain policy|publishOutNotPermitted|cannotShare/i.test(message))
    return { reason: "правила вашего домена Google запрещают делиться с этим адресом", retry: false };
  if (/invalid|email/i.test(message)) return { reason: "Диск не принял этот адрес", retry: false };
  const line =
    message
      .replace(/^(?:Exception|GoogleJsonResponseException):\s*/, "")
      .replace(/^API call to [\w.]+ failed with error:\s*/, "")
      .replace(/\s+/g, " ")
      .trim() || "неизвестная ошибка";
  return { reason: line.length > 120 ? `${line.slice(0, 119)}…` : line, retry: false };
}

/** The hash that names a row's organisation in the created file's appProperties (≤124 bytes a property). */
export function organisationKey(organisation: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (const ch of fold(organisation)) {
    const c = ch.codePointAt(0)!;
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return h1.toString(16).padStart(8, "0") + h2.toString(16).padStart(8, "0");
}

/**
 * The invitation's text (Drive puts it into its own e-mail with the file's link): what the
 * workbook is and the first three steps.
 */
export function invitationMessage(name: string, signer: Signer | null = null): string {
  const contact = signer ? [signer.position, signer.name].filter((p) => p.trim() !== "").join(" ") : "";
  return [
    `Здравствуйте! Комитет создал для вашей организации таблицу «${name}» — по ней формируется отчёт МИП.`,
    "1. Откройте таблицу по ссылке в этом письме.",
    "2. Заполните вкладки, начиная с «Общие сведения».",
    "3. Меню «Расширения → МИП-отчёт»: «Проверить таблицу», затем «Сформировать отчёт».",
    "Если меню «МИП-отчёт» нет, попросите администратора вашего домена установить дополнение " +
      "или откройте ссылку на дополнение из письма комитета.",
    ...(contact ? [`Вопросы по таблице: ${contact}.`] : []),
  ].join("\n");
}
