/** Every rule family, in the order their findings are most useful to read. */
import { eventsFamily } from "./events.js";
import { generalFamily } from "./general.js";
import { mentoringFamily } from "./mentoring.js";
import { orgsFamily } from "./orgs.js";
import { outcomesFamily } from "./outcomes.js";
import { participantsFamily } from "./participants.js";
import { planFamily } from "./plan.js";
import { stagesFamily } from "./stages.js";
import { templateFamily } from "./template.js";
import { termsFamily } from "./terms.js";
import type { RuleFamily } from "./types.js";

export const RULE_FAMILIES: readonly RuleFamily[] = [
  templateFamily,
  generalFamily,
  termsFamily,
  stagesFamily,
  planFamily,
  orgsFamily,
  mentoringFamily,
  participantsFamily,
  eventsFamily,
  outcomesFamily,
];
