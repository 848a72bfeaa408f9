// PLACEHOLDER — replaced by the terms implementation.
import type { Cell } from "../grid.js";
import type { Period, TermContext, TermResult } from "./types.js";
export * from "./types.js";
export function parseTerm(_cell: Cell, _ctx: TermContext): TermResult | null {
  return null;
}
export function parsePeriod(_cell: Cell): Period | null {
  return null;
}
