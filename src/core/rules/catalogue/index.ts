/** The rule catalogue, family by family, in the order the docs list them. */
import type { AnyRule } from "./define.js";
import { GENERAL_RULES } from "./general.js";
import { MENTORING_RULES } from "./mentoring.js";
import { OUTCOMES_RULES } from "./outcomes.js";
import { PARTICIPANTS_RULES } from "./participants.js";
import { PLAN_RULES } from "./plan.js";
import { ROADMAP_RULES } from "./roadmap.js";
import { SPRAVKA_RULES } from "./spravka.js";
import { TEMPLATE_RULES } from "./template.js";
import { TERMS_RULES } from "./terms.js";

export const CATALOGUE = {
  ...TEMPLATE_RULES,
  ...GENERAL_RULES,
  ...TERMS_RULES,
  ...PLAN_RULES,
  ...MENTORING_RULES,
  ...PARTICIPANTS_RULES,
  ...OUTCOMES_RULES,
  ...SPRAVKA_RULES,
  ...ROADMAP_RULES,
};

/** The catalogue's families with the heading docs/RULES.md gives each (`npm run docs:rules`). */
export const CATALOGUE_SECTIONS: readonly {
  readonly heading: string;
  readonly rules: Readonly<Record<string, AnyRule>>;
}[] = [
  { heading: "Template and cells — `TPL_`", rules: TEMPLATE_RULES },
  { heading: "«Общие сведения», the conclusion, the form's items — `GEN_`, `FORM_`", rules: GENERAL_RULES },
  { heading: "Terms, dates and stages — `TERM_`, `STG_`", rules: TERMS_RULES },
  { heading: "«План-факт» — `PLAN_`", rules: PLAN_RULES },
  { heading: "Organisations and mentoring — `ORG_`, `MENT_`", rules: MENTORING_RULES },
  { heading: "Participants and training — `PART_`", rules: PARTICIPANTS_RULES },
  {
    heading: "Events, results, problems, documents, staff — `EVT_`, `RES_`, `PROB_`, `DOC_`, `STAFF_`",
    rules: OUTCOMES_RULES,
  },
  { heading: "The справка's tabs — `MON_`, `REC_`, `SPR_`", rules: SPRAVKA_RULES },
  { heading: "The committee's roadmap — `ROADMAP_`", rules: ROADMAP_RULES },
];
