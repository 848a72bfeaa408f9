/** GEN_*: required fields of «Общие сведения», the period, e-mail, website and the conclusion. */
import { say } from "../issues.js";
import { CONCLUSIONS, GENERAL } from "../schema.js";
import { fieldOf } from "../schema-lookup.js";
import { emitField, fieldCell, fieldText } from "./read.js";
import type { RuleContext, RuleFamily } from "./types.js";

const CONCLUSION_LIMIT = 2000;

const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:".]{2,}$/u;
/** With or without a scheme: «https://school4.ru/mip», «school4.ru», «сош4.рф». */
const URL_LIKE =
  /^(?:https?:\/\/)?(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+[\p{L}]{2,}(?::\d{1,5})?(?:[/?#]\S*)?$/iu;

function checkRequired(ctx: RuleContext): void {
  const tab = ctx.workbook.kv.general;
  if (!tab.present) return; // TPL_SHEET_MISSING already says so.
  for (const field of GENERAL.fields) {
    if (!field.required) continue;
    const entry = tab.fields[field.key];
    if (fieldText(ctx, "general", field.key) !== "") continue;
    const said =
      !entry || entry.row === null
        ? say("GEN_REQUIRED", "noRow", { label: field.label })
        : say("GEN_REQUIRED", "empty", { label: field.label, row: entry.row, hint: field.hint });
    emitField(ctx, "general", field.key, said);
  }
}

function checkPeriod(ctx: RuleContext): void {
  const value = fieldText(ctx, "general", "period");
  if (value === "") return; // GEN_REQUIRED covers an empty period.
  // The context parsed the same cell; parsing it again would give the same answer.
  if (ctx.period !== null) return;
  emitField(ctx, "general", "period", say("GEN_PERIOD_INVALID", { value }));
}

function checkEmail(ctx: RuleContext): void {
  const value = fieldText(ctx, "general", "email");
  if (value === "") return;
  const addresses = value.split(/[,;\s]+/).filter((a) => a !== "");
  const bad = addresses.find((a) => !EMAIL.test(a));
  if (bad === undefined) return;
  emitField(ctx, "general", "email", say("GEN_EMAIL_INVALID", { address: bad }));
}

function checkWebsite(ctx: RuleContext): void {
  const value = fieldText(ctx, "general", "website");
  if (value === "" || URL_LIKE.test(value)) return;
  emitField(ctx, "general", "website", say("GEN_URL_INVALID", { value }));
}

function checkConclusion(ctx: RuleContext): void {
  const cell = fieldCell(ctx, "conclusions", "conclusion");
  const raw = typeof cell === "string" ? cell.trim() : fieldText(ctx, "conclusions", "conclusion");
  const label = fieldOf("conclusions", "conclusion").label;
  if (raw.length > CONCLUSION_LIMIT) {
    emitField(
      ctx,
      "conclusions",
      "conclusion",
      say("GEN_CONCLUSION_TOO_LONG", { label, text: raw, limit: CONCLUSION_LIMIT }),
    );
  }
  if (ctx.reportType === "final" && raw === "" && ctx.workbook.kv.conclusions.present) {
    const said = say("GEN_FINAL_EMPTY_CONCLUSION", { label, tab: CONCLUSIONS.title, limit: CONCLUSION_LIMIT });
    emitField(ctx, "conclusions", "conclusion", said);
  }
}

export const generalFamily: RuleFamily = {
  name: "general",
  reads: ["general", "conclusions"],
  ids: [
    "GEN_REQUIRED",
    "GEN_PERIOD_INVALID",
    "GEN_EMAIL_INVALID",
    "GEN_URL_INVALID",
    "GEN_CONCLUSION_TOO_LONG",
    "GEN_FINAL_EMPTY_CONCLUSION",
  ],
  check(ctx) {
    checkRequired(ctx);
    checkPeriod(ctx);
    checkEmail(ctx);
    checkWebsite(ctx);
    checkConclusion(ctx);
  },
};
