/** Findings and the rule catalogue (ids and severities are a contract, see docs/RULES.md). */

import type { AnyRule, Severity, Template, VariantParams } from "./rules/catalogue/define.js";
import { CATALOGUE } from "./rules/catalogue/index.js";

export type { Severity } from "./rules/catalogue/define.js";

/** Every rule: id → severity, title, description, fix, message template (src/core/rules/catalogue/). */
export const RULES = CATALOGUE;

export type RuleId = keyof typeof RULES;

declare const fromCatalogue: unique symbol;
/** A finding's text, made only by `say` from the rule's template in the catalogue. */
export type RuleMessage = string & { readonly [fromCatalogue]: true };

type MessageOf<R extends RuleId> = (typeof RULES)[R]["message"];

/** What `say` takes after the rule id: the template's parameters, or a variant's name and its parameters. */
type SayArgs<R extends RuleId> =
  MessageOf<R> extends () => string
    ? []
    : MessageOf<R> extends Template<infer P>
      ? [params: P]
      : {
          [V in keyof MessageOf<R>]: MessageOf<R>[V] extends () => string
            ? [variant: V]
            : [variant: V, params: VariantParams<MessageOf<R>, V>];
        }[keyof MessageOf<R>];

/** A rule id with its message, ready to be placed on a tab, row or cell. */
export interface Said {
  readonly rule: RuleId;
  readonly message: RuleMessage;
}

/** The finding's message from the rule's template in the catalogue. */
export function say<R extends RuleId>(rule: R, ...args: SayArgs<R>): Said {
  const message = (RULES[rule] as AnyRule).message;
  const [first, second] = args as unknown[];
  const text =
    typeof message === "function"
      ? (message as Template<unknown>)(first)
      : (message[first as string] as Template<unknown>)(second);
  return { rule, message: text as RuleMessage };
}

export interface Issue {
  rule: RuleId;
  severity: Severity;
  /** Tab title. */
  sheet: string;
  /** 1-based sheet row, null for a whole tab or workbook. */
  row: number | null;
  /** Header text of the column, null when no column is meant. */
  column: string | null;
  /** A1 address when one cell is meant. */
  cell: string | null;
  /** Russian: what is wrong, the offending value in «», how to fix it (the rule's template). */
  message: RuleMessage;
}

/** Where a finding points: the tab, and the row, column and cell when one is meant. */
type IssuePlace = Pick<Issue, "sheet" | "row" | "column" | "cell">;

/** A finding at a place, with the catalogue's severity. */
export function issueAt(said: Said, place: IssuePlace): Issue {
  const { sheet, row, column, cell } = place;
  return { rule: said.rule, severity: RULES[said.rule].severity, sheet, row, column, cell, message: said.message };
}

export interface IssueCounts {
  errors: number;
  warnings: number;
  infos: number;
}

export function countIssues(issues: readonly Issue[]): IssueCounts {
  const counts = { errors: 0, warnings: 0, infos: 0 };
  for (const issue of issues) {
    if (issue.severity === "error") counts.errors++;
    else if (issue.severity === "warning") counts.warnings++;
    else counts.infos++;
  }
  return counts;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export { SEVERITY_ORDER };
