/**
 * One record per server function the sidebar calls: what both sides need to know about it.
 * `action` completes «Не удалось …» — the server's message when the function fails and the
 * sidebar's when the call does not come back; `timeoutMs` is how long the sidebar waits
 * (Apps Script stops a call after 6 minutes). `satisfies` makes the compiler demand a record
 * for every `sidebar…` export of src/gas/main.ts and refuse a record without one (docs/EXTENDING.md).
 * Plain data: the sidebar's bundle and the server's both include it.
 */
import type { ServerApi } from "./gas/server-api.js";

interface SidebarCall {
  /** Infinitive phrase after «Не удалось»: «проверить таблицу». */
  readonly action: string;
  /** Longest wait in the sidebar, ms. */
  readonly timeoutMs: number;
}

/** A record for each function of `Api`, and none for a function it lacks (with `satisfies`). */
export type CallRecords<Api> = { readonly [K in keyof Api]: SidebarCall };

export const SIDEBAR_CALLS = {
  sidebarGetState: { action: "загрузить результаты проверки", timeoutMs: 120_000 },
  sidebarValidate: { action: "проверить таблицу", timeoutMs: 120_000 },
  sidebarSelectCell: { action: "перейти к ячейке", timeoutMs: 30_000 },
  // A report copies the template and fills it: the longest call, just over Apps Script's 6 minutes.
  sidebarGenerateReport: { action: "сформировать отчёт", timeoutMs: 370_000 },
  sidebarReportHistory: { action: "загрузить список прежних отчётов", timeoutMs: 30_000 },
  sidebarEditStamp: { action: "узнать, менялась ли таблица", timeoutMs: 30_000 },
} as const satisfies CallRecords<ServerApi>;

export type SidebarFunctionName = keyof typeof SIDEBAR_CALLS;

/** The names at run time (the bundle's entry points the sidebar needs). */
export const SERVER_FUNCTIONS = Object.keys(SIDEBAR_CALLS) as SidebarFunctionName[];
