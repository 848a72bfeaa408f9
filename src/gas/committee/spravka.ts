/**
 * «Комитет → Справка о реализации проекта»: the справка of the project whose Реестр row is
 * selected, from its workbook and from the workbooks of the registry schools its
 * «Организации» lists (same period only; the others are named in the message). The document
 * is made as the «Сводка по МИП» is (makeDocument: a Google Doc in the add-on's folder, under
 * a name that never replaces an existing one). All the wording is the core's (src/core/spravka).
 */
import { COMMITTEE_SETTINGS_TITLE, REGISTRY_TITLE, parseRegistry } from "../../core/committee/index.js";
import { orgIndexOf } from "../../core/rules/orgs.js";
import { type Candidate, type LeftOut, buildSpravka, selectSources } from "../../core/spravka/index.js";
import { validateWorkbook } from "../../core/validate.js";
import { looksLikeMipWorkbook } from "../../core/workbook.js";
import { UserError, userMessage } from "../errors.js";
import { ownFolderId } from "../drive-files.js";
import { makeDocument } from "../report.js";
import { type PdfOutcome, savePdfBeside } from "../report-pdf.js";
import { registryRows } from "./run.js";
import { openSchool } from "./school-reader.js";
import { readCommitteeSettings } from "./settings.js";
import { readSurveyForms } from "./survey-responses.js";
import { surveySummaryLines } from "../../core/survey/summary.js";
import { committeeOrderOf, readRoadmap } from "../../core/roadmap/index.js";
import { readRoadmapGrid } from "./roadmap.js";

/** Participants read per справка: each is one or two service calls; 40 stay far inside a run's 6 minutes. */
const MAX_PARTICIPANTS = 40;

interface ProjectSpravka {
  url: string;
  name: string;
  /** The PDF saved beside the Doc, or why not. */
  pdf: PdfOutcome;
  participants: string[];
  leftOut: LeftOut[];
  errors: number;
  /** What the monitoring's answers came to (surveySummaryLines), empty without a survey. */
  survey: string[];
  /** What the document's layout lacks when Google refused it (a Russian sentence), else null. */
  layoutMissing: string | null;
}

export function selectedRegistryRow(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  menuItem = "Справка о реализации проекта",
): {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  row: number;
} {
  // getActiveRange() is null when nothing is selected
  // (https://developers.google.com/apps-script/reference/spreadsheet/selection#getActiveRange()).
  const sheet = ss.getActiveSheet();
  const row = ss.getActiveRange()?.getRow() ?? 0;
  if (sheet.getName() !== REGISTRY_TITLE || row < 2)
    throw new UserError(
      `Выделите на вкладке «${REGISTRY_TITLE}» строку проекта (организации-координатора) ` +
        `и выберите «Комитет → ${menuItem}» снова.`,
    );
  return { sheet, row };
}

function makeProjectSpravka(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): ProjectSpravka {
  const { sheet, row } = selectedRegistryRow(ss);
  const entries = parseRegistry(registryRows(sheet));
  const entry = entries.find((e) => e.row === row);
  if (!entry?.id)
    throw new UserError(
      `В строке ${row} «${REGISTRY_TITLE}» нет ссылки на таблицу МИП. Вставьте ссылку на таблицу проекта.`,
    );
  const today = Utilities.formatDate(new Date(), ss.getSpreadsheetTimeZone(), "yyyy-MM-dd");
  let grid;
  try {
    grid = openSchool(entry.id).grid;
  } catch (error) {
    throw new UserError(
      `Таблицу проекта «${entry.organisation || entry.linkText}» ` +
        `открыть не удалось: ${userMessage(error, "открыть таблицу")}`,
    );
  }
  if (!looksLikeMipWorkbook(grid))
    throw new UserError(`Таблица «${entry.organisation || entry.linkText}» — не таблица МИП.`);
  const project = validateWorkbook(grid, { today });
  const orgs = orgIndexOf(project.workbook.tables.orgs.rows);
  const candidates: Candidate[] = [];
  const leftOut: LeftOut[] = [];
  for (const other of entries) {
    if (other.row === row || !other.id || other.id === entry.id || !orgs.find(other.organisation)) continue;
    if (candidates.length + leftOut.length >= MAX_PARTICIPANTS) {
      leftOut.push({
        label: other.organisation,
        reason: `за один раз читаются таблицы не более ${MAX_PARTICIPANTS} участников`,
      });
      continue;
    }
    try {
      const opened = openSchool(other.id).grid;
      if (looksLikeMipWorkbook(opened))
        candidates.push({ label: other.organisation, result: validateWorkbook(opened, { today }) });
      else leftOut.push({ label: other.organisation, reason: "не таблица МИП" });
    } catch {
      leftOut.push({ label: other.organisation, reason: "таблицу не удалось открыть (нет доступа)" });
    }
  }
  const sources = selectSources(project, candidates);
  const survey = readSurveyForms(entry.id, project.workbook.tables.orgs.rows, ss.getSpreadsheetTimeZone());
  // The committee's roadmap order, when it keeps one, is cited in the stage its date falls in.
  const roadmapGrid = readRoadmapGrid(ss);
  const committeeOrder = roadmapGrid ? committeeOrderOf(readRoadmap(roadmapGrid).roadmap) : null;
  const model = buildSpravka(
    sources,
    {
      date: today,
      signer: readCommitteeSettings(ss).signer,
      committeeOrders: committeeOrder ? [committeeOrder] : [],
    },
    survey,
  );
  const folderId = ownFolderId();
  const { id, url, name, layoutMissing } = makeDocument(model, folderId);
  return {
    url,
    name,
    pdf: savePdfBeside(id, name, folderId),
    layoutMissing,
    participants: sources.schools.map((s) => s.name),
    leftOut: [...leftOut, ...sources.leftOut],
    errors: project.issues.filter((i) => i.severity === "error").length,
    survey: survey ? surveySummaryLines(survey, 5) : [],
  };
}

function spravkaMessage(made: ProjectSpravka): string {
  const lines = [`Справка готова: «${made.name}». Ссылка: ${made.url}`];
  lines.push("url" in made.pdf ? `PDF: ${made.pdf.url}` : made.pdf.problem);
  if (made.participants.length > 0) lines.push(`Учтены таблицы участников: ${made.participants.join(", ")}.`);
  for (const left of made.leftOut) lines.push(`Не учтена «${left.label}»: ${left.reason}.`);
  lines.push(...made.survey);
  if (made.errors > 0)
    lines.push(
      "В таблице проекта есть ошибки: значения с ошибками в справку не " +
        "вошли. Их видно в «Своде» и в панели дополнения у координатора.",
    );
  lines.push(`Подпись, если таблица проекта её не задаёт, берётся с вкладки «${COMMITTEE_SETTINGS_TITLE}».`);
  if (made.layoutMissing) lines.push(made.layoutMissing);
  return lines.join("\n");
}

/** Menu item «Комитет → Справка о реализации проекта». */
export function committeeMakeProjectSpravka(): { url: string; name: string; pdfUrl: string | null } | null {
  const tell = (message: string) =>
    SpreadsheetApp.getUi().alert("МИП-отчёт — комитет", message, SpreadsheetApp.getUi().ButtonSet.OK);
  try {
    const made = makeProjectSpravka(SpreadsheetApp.getActiveSpreadsheet());
    tell(spravkaMessage(made));
    return { url: made.url, name: made.name, pdfUrl: "url" in made.pdf ? made.pdf.url : null };
  } catch (error) {
    tell(userMessage(error, "составить справку о реализации проекта"));
    return null;
  }
}
