/**
 * Type-level tests, run by `npm run typecheck`: the test grid builder takes only the schema's
 * column and field keys. Each @ts-expect-error line must fail to compile.
 */
import { cleanWorkbook } from "../helpers/grid-builder.js";

export const fine = cleanWorkbook().patch("plan", 0, { status: "Не выполнено" }).field("general", "period", "2022");
// @ts-expect-error a misspelt column of «План-факт»
export const misspeltColumn = cleanWorkbook().patch("plan", 0, { stauts: "Не выполнено" });
// @ts-expect-error a column of another tab
export const otherTabsColumn = cleanWorkbook().add("tasks", { mentor: "Петрова О.В." });
// @ts-expect-error a misspelt field of «Общие сведения»
export const misspeltField = cleanWorkbook().field("general", "perod", "2022");
