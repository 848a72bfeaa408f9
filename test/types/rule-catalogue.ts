/**
 * Type-level tests of the rule catalogue (src/core/rules/catalogue/), run by `npm run typecheck`:
 * each @ts-expect-error line must fail to compile, or tsc reports it unused. They show the
 * compiler catching each skipped step of «Правило проверки» (docs/EXTENDING.md).
 */
import { type Issue, RULES, type RuleId, say } from "../../src/core/issues.js";
import { rule, variants } from "../../src/core/rules/catalogue/define.js";

const text = {
  severity: "warning",
  title: "Нет адреса",
  description: "Адрес не указан.",
  fix: "Указать адрес.",
} as const;

export const complete = rule({
  ...text,
  message: (p: { row: number }) => `В строке ${p.row} нет адреса.`,
  example: { row: 3 },
});

// @ts-expect-error a rule without its description
export const noDescription = rule({
  severity: "warning",
  title: "Нет адреса",
  fix: "Указать адрес.",
  message: (p: { row: number }) => `${p.row}`,
  example: { row: 3 },
});

// @ts-expect-error a rule without its fix hint
export const noFix = rule({
  severity: "warning",
  title: "Нет адреса",
  description: "Адрес не указан.",
  message: (p: { row: number }) => `${p.row}`,
  example: { row: 3 },
});

// @ts-expect-error an example that does not fit the template's parameters
export const wrongExample = rule({ ...text, message: (p: { row: number }) => `${p.row}`, example: { line: 3 } });

export const wrongVariantExample = variants({
  ...text,
  message: { empty: (p: { row: number }) => `${p.row}`, none: (p: { value: string }) => p.value },
  // @ts-expect-error the example's parameters belong to another variant
  example: { variant: "empty", params: { value: "нет" } },
});

// A finding's message comes from its rule's template, with the template's parameters.
export const said = say("PLAN_FACT_MISSING", { row: 7, status: "Выполнено" });
// @ts-expect-error a rule id that is not in the catalogue
export const unknownRule = say("PLAN_ADDRESS_MISSING", { row: 7 });
// @ts-expect-error a message written where the finding is raised, not in the catalogue
export const inlineMessage = say("PLAN_FACT_MISSING", "В строке 7 нет факта.");
// @ts-expect-error a parameter the template does not take
export const wrongParams = say("PLAN_FACT_MISSING", { row: 7 });
// A rule with several wordings names one of them.
export const variant = say("PLAN_DEVIATION_ACTION_MISSING", "saysNone", {
  row: 7,
  status: "Перенесено",
  action: "нет",
});
// @ts-expect-error a wording the rule does not have
export const unknownVariant = say("PLAN_DEVIATION_ACTION_MISSING", "blank", { row: 7, status: "Перенесено" });

export const plainIssue: Issue = {
  rule: "PLAN_FACT_MISSING",
  severity: "error",
  sheet: "План-факт",
  row: 7,
  column: null,
  cell: null,
  // @ts-expect-error an issue whose message is a plain string
  message: "В строке 7 нет факта.",
};

// The contract its users read stays: an id's severity and title.
export const severity: "error" | "warning" | "info" = RULES.PLAN_FACT_MISSING.severity;
export const ids: RuleId[] = ["PLAN_FACT_MISSING", "ROADMAP_LINK_INVALID"];
