/**
 * Type-level tests of the sidebar contract (src/sidebar-calls.ts), run by `npm run typecheck`:
 * each @ts-expect-error line must fail to compile, or tsc reports it unused. They show the
 * compiler catching each skipped step of «Действие боковой панели» (docs/EXTENDING.md).
 */
import type { ServerApi } from "../../src/gas/server-api.js";
import type { CallRecords, SidebarFunctionName } from "../../src/sidebar-calls.js";

interface Api {
  sidebarSelectCell(sheet: string, cell: string | null): void;
  sidebarEditStamp(): string;
}
const record = { action: "перейти к ячейке", timeoutMs: 30_000 };

export const complete = { sidebarSelectCell: record, sidebarEditStamp: record } satisfies CallRecords<Api>;
// @ts-expect-error a server function without its record
export const missingRecord = { sidebarSelectCell: record } satisfies CallRecords<Api>;
export const extraRecord = {
  sidebarSelectCell: record,
  sidebarEditStamp: record,
  // @ts-expect-error a record for a function the server does not export
  sidebarListReports: record,
} satisfies CallRecords<Api>;
// @ts-expect-error a record without its timeout
export const noTimeout = { sidebarSelectCell: record, sidebarEditStamp: { action: "x" } } satisfies CallRecords<Api>;

// The client's type is the server's: the parameters of main.ts's sidebarSelectCell, exactly.
type SelectArgs = Parameters<ServerApi["sidebarSelectCell"]>;
export const selectArgs: SelectArgs = ["План-факт", "B2"];
// @ts-expect-error the sheet is a string
export const wrongArgs: SelectArgs = [1, "B2"];
// Every name the sidebar may call has a record, and the other way round.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const namesAgree: Same<keyof ServerApi, SidebarFunctionName> = true;
