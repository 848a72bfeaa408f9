/**
 * buildSpravka: the project's workbook (and its participants') → the справка's document model,
 * drawn by the same .docx and Google Docs renderers as the report. The document holds what
 * the workbooks say, never what the check says about them: findings stay with `mip validate`
 * and the sidebar.
 */
import { initials, unbreakable } from "../russian.js";
import { formatRuDate } from "../terms/dates.js";
import { heading } from "../report/blocks.js";
import { type Block, type DocModel, SIGNATURE_BLANK } from "../report/model.js";
import { settlePageBreaks } from "../report/page-breaks.js";
import { fitTables } from "../report/widths.js";
import { type FactsOptions, type SpravkaFacts, spravkaFacts } from "./facts.js";
import { SPRAVKA_FORM } from "./form.js";
import type { SpravkaSources } from "./sources.js";
import type { SurveyResult } from "../survey/aggregate.js";
import { factsBesideSurvey, surveyAppendix, surveyMakesDraft, withSurveyItems } from "./survey-sections.js";
import { DRAFT_MARK } from "../report/build.js";

const SPRAVKA_TITLE = "СПРАВКА О РЕАЛИЗАЦИИ МУНИЦИПАЛЬНОГО ПРОЕКТА";

/** «Справка о реализации проекта — МОУ ДО «ЦРО» — 20.12.2022». */
function spravkaFileName(orgShort: string, date: string): string {
  return ["Справка о реализации проекта", orgShort, formatRuDate(date)].filter((p) => p.trim() !== "").join(" — ");
}

/** «Н.И. Ветрова» → «Ветрова Н.И.»; a name it cannot split stays as it is. */
function surnameFirst(name: string): string {
  const at = name.lastIndexOf(" ");
  return at > 0 && /^(?:\p{Lu}\.-?)+$/u.test(name.slice(0, at)) ? `${name.slice(at + 1)} ${name.slice(0, at)}` : name;
}

function signature(f: SpravkaFacts): Block[] {
  if (!f.signer) return [];
  // As the municipal справка signs: the position, then «Фамилия И.О.» (typed in full or as
  // initials), kept together, without a signature line.
  const name = f.signer.name ? unbreakable(surnameFirst(initials(f.signer.name))) : "";
  return [{ type: "signature", left: f.signer.position || SIGNATURE_BLANK, name, line: false }];
}

/** «№ 4» and «№4» keep the number with its sign at a line break, as the report prints them. */
const keepNumbers = (text: string): string => text.replace(/№ ?(?=\d)/gu, "№\u00a0");

function withKeptNumbers(block: Block): Block {
  if (block.type === "paragraph")
    return { ...block, runs: block.runs.map((r) => ({ ...r, text: keepNumbers(r.text) })) };
  if (block.type === "list")
    return { ...block, items: block.items.map((item) => item.map((r) => ({ ...r, text: keepNumbers(r.text) }))) };
  return block;
}

/** `survey`: the monitoring's answers, which write sections 4 and 5 (survey-sections.ts). */
export function buildSpravkaFromFacts(facts: SpravkaFacts, survey: SurveyResult | null = null): DocModel {
  const draft = surveyMakesDraft(survey);
  const shown = factsBesideSurvey(facts, survey);
  const blocks: Block[] = [
    {
      type: "title",
      lines: [...(draft ? [DRAFT_MARK] : []), SPRAVKA_TITLE, `«${(facts.topic || "—").toUpperCase()}»`],
    },
    ...SPRAVKA_FORM.flatMap((section) => [
      ...(section.heading ? [heading(section.level ?? 1, section.heading)] : []),
      ...withSurveyItems(section.key, section.build(shown), survey, facts),
    ]),
    ...signature(facts),
    ...surveyAppendix(survey),
  ];
  return {
    title: spravkaFileName(facts.orgShort, facts.date),
    orientation: "portrait",
    draft,
    blocks: settlePageBreaks(fitTables(blocks.map(withKeptNumbers), "portrait"), "portrait"),
  };
}

export function buildSpravka(
  sources: SpravkaSources,
  options: FactsOptions = {},
  survey: SurveyResult | null = null,
): DocModel {
  return buildSpravkaFromFacts(spravkaFacts(sources, options), survey);
}
