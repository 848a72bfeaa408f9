/**
 * Type-level tests of the ServerApi ⇄ main.ts check (src/gas/server-api-check.ts), run by
 * `npm run typecheck`: each @ts-expect-error line must fail to compile, or tsc reports it unused.
 */
import type { ApiMismatches, ExpectNone } from "../../src/gas/server-api-check.js";

interface Api {
  sidebarSelectCell(sheet: string, cell: string | null): void;
  sidebarEditStamp(): string;
}
type Implementation = {
  sidebarSelectCell: (sheet: string, cell: string | null) => void;
  sidebarEditStamp: () => string;
};

export type Agrees = ExpectNone<ApiMismatches<Api, Implementation>>;
// @ts-expect-error main exports a sidebar function the contract lacks
export type ExtraExport = ExpectNone<ApiMismatches<Api, Implementation & { sidebarExtra: () => void }>>;
// @ts-expect-error the contract names a function main does not export
export type MissingExport = ExpectNone<ApiMismatches<Api, Pick<Implementation, "sidebarEditStamp">>>;
type NarrowerSelect = Implementation & { sidebarSelectCell: (sheet: string, cell: string) => void };
// @ts-expect-error a narrower parameter (method bivariance must not hide it)
export type NarrowerParameter = ExpectNone<ApiMismatches<Api, NarrowerSelect>>;
// @ts-expect-error a different result
export type OtherResult = ExpectNone<ApiMismatches<Api, Implementation & { sidebarEditStamp: () => number }>>;
