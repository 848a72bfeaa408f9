/**
 * The committee deployment's entry points (dist/committee/): its own manifest asks for what
 * reading the schools' workbooks needs, so the school deployment never does. Every export
 * becomes a real top-level function in dist/committee/Code.js.
 */
import { COMMITTEE_HELP_TEXT, buildCommitteeMenu } from "./committee/menu.js";

export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildCommitteeMenu();
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

export function committeeHelp(): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert("МИП-отчёт — комитет", COMMITTEE_HELP_TEXT, ui.ButtonSet.OK);
}

export {
  committeeContinueRefresh,
  committeeDisableHourly,
  committeeEnableHourly,
  committeeHourlyRefresh,
  committeeMakeSummary,
  committeeRefresh,
  committeeSetup,
} from "./committee/entry.js";
export { committeeMakeProjectSpravka } from "./committee/spravka.js";
export { committeeContinueCreateSchools, committeeCreateSchools } from "./committee/create-schools.js";
export { committeeCreateSurvey } from "./committee/survey.js";
export {
  committeeMakeRoadmapOrder,
  committeeMakeRoadmapReport,
  committeeRoadmapSetup,
} from "./committee/roadmap-menu.js";
