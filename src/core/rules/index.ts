/**
 * Every rule family, in the order their findings are most useful to read. Families are
 * narrow (most read one tab plus «Общие сведения» for the period), because the live re-check
 * after an edit reads only the tabs the families of the edited tab declare.
 */
import { eventsFamilies } from "./events.js";
import { formItemsFamily } from "./form-items.js";
import { generalFamily } from "./general.js";
import { mentoringFamily } from "./mentoring.js";
import { orgsFamily } from "./orgs.js";
import { outcomesFamilies } from "./outcomes.js";
import { participantsFamily } from "./participants.js";
import { planFamily } from "./plan.js";
import { roadmapLinksFamilies } from "./roadmap-links.js";
import { spravkaFamilies } from "./spravka.js";
import { stagesFamily } from "./stages.js";
import { templateFamilies } from "./template.js";
import { termsFamilies } from "./terms.js";
import type { RuleFamily } from "./types.js";

export const RULE_FAMILIES: readonly RuleFamily[] = [
  ...templateFamilies,
  generalFamily,
  formItemsFamily,
  ...termsFamilies,
  stagesFamily,
  planFamily,
  orgsFamily,
  mentoringFamily,
  participantsFamily,
  ...eventsFamilies,
  ...outcomesFamilies,
  ...spravkaFamilies,
  ...roadmapLinksFamilies,
];
