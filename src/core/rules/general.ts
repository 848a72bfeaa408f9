/** GEN_*: required fields of «Общие сведения», the period, e-mail, website and the conclusion. */
import { quote } from "../issues.js";
import { countWithNoun } from "../russian.js";
import { CONCLUSIONS, GENERAL } from "../schema.js";
import { fieldOf } from "../schema-lookup.js";
import { emitField, fieldCell, fieldText } from "./read.js";
import type { RuleContext, RuleFamily } from "./types.js";

const SIGNS = ["знак", "знака", "знаков"] as const;

export const CONCLUSION_LIMIT = 2000;

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
    emitField(ctx, "general", field.key, {
      rule: "GEN_REQUIRED",
      message:
        !entry || entry.row === null
          ? `На вкладке «Общие сведения» нет строки «${field.label}». Добавьте ` +
            `её (или выполните «Создать / обновить шаблон») и заполните значение.`
          : `Не заполнено обязательное поле «${field.label}» (ячейка B${entry.row}). ${field.hint}.`,
    });
  }
}

function checkPeriod(ctx: RuleContext): void {
  const value = fieldText(ctx, "general", "period");
  if (value === "") return; // GEN_REQUIRED covers an empty period.
  // The context parsed the same cell; parsing it again would give the same answer.
  if (ctx.period !== null) return;
  emitField(ctx, "general", "period", {
    rule: "GEN_PERIOD_INVALID",
    message:
      `Отчётный период ${quote(value)} не читается. Запишите его так: ` +
      `«2022», «2019-2020 учебный год» или «01.09.2020-31.08.2021».`,
  });
}

function checkEmail(ctx: RuleContext): void {
  const value = fieldText(ctx, "general", "email");
  if (value === "") return;
  const addresses = value.split(/[,;\s]+/).filter((a) => a !== "");
  const bad = addresses.find((a) => !EMAIL.test(a));
  if (bad === undefined) return;
  emitField(ctx, "general", "email", {
    rule: "GEN_EMAIL_INVALID",
    message: `Адрес электронной почты ${quote(bad)} записан с ошибкой. Исправьте его, например: school4@example.ru.`,
  });
}

function checkWebsite(ctx: RuleContext): void {
  const value = fieldText(ctx, "general", "website");
  if (value === "" || URL_LIKE.test(value)) return;
  emitField(ctx, "general", "website", {
    rule: "GEN_URL_INVALID",
    message: `Адрес сайта ${quote(value)} не похож на ссылку. Укажите адрес сайта, например: https://school4.example.ru.`,
  });
}

function checkConclusion(ctx: RuleContext): void {
  const cell = fieldCell(ctx, "conclusions", "conclusion");
  const raw = typeof cell === "string" ? cell.trim() : fieldText(ctx, "conclusions", "conclusion");
  const label = fieldOf("conclusions", "conclusion").label;
  if (raw.length > CONCLUSION_LIMIT) {
    emitField(ctx, "conclusions", "conclusion", {
      rule: "GEN_CONCLUSION_TOO_LONG",
      message:
        `Поле «${label}» содержит ${countWithNoun(raw.length, SIGNS)}, а форма ` +
        `допускает не больше ${CONCLUSION_LIMIT}. Сократите текст ` +
        `на ${countWithNoun(raw.length - CONCLUSION_LIMIT, SIGNS)} (начало: ${quote(raw, 40)}).`,
    });
  }
  if (ctx.reportType === "final" && raw === "" && ctx.workbook.kv.conclusions.present) {
    emitField(ctx, "conclusions", "conclusion", {
      rule: "GEN_FINAL_EMPTY_CONCLUSION",
      message:
        `Отчёт итоговый, а поле «${label}» на вкладке «${CONCLUSIONS.title}» ` +
        `пустое. Напишите общий вывод (не более ${CONCLUSION_LIMIT} знаков).`,
    });
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
