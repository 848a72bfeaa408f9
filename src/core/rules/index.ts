// PLACEHOLDER — replaced by the rule families.
import type { RuleFamily } from "./types.js";
export const RULE_FAMILIES: RuleFamily[] = [];
