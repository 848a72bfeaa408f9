/**
 * The monitoring's responses files for `mip spravka --survey`: a Google Form's responses
 * spreadsheet downloaded as .xlsx (Файл → Скачать → Microsoft Excel), or the sheet of
 * `mip survey` filled in by hand. Every sheet that holds the questionnaire's questions is
 * read; a file that cannot be read is named and skipped, never fatal.
 */
import { basename } from "node:path";
import { type ResponseSheet, readResponseSheet } from "../core/survey/read.js";
import { UnusableInputError } from "./errors.js";
import { fileLabel, loadXlsx } from "./load.js";

export interface SurveyFiles {
  readonly sheets: readonly ResponseSheet[];
  /** Russian: files that could not be read, with the reason. */
  readonly failed: readonly string[];
}

/** `--survey A.xlsx B.xlsx --out …`: the files after --survey up to the next option; the other arguments as they were. */
export function takeSurveyArgs(args: readonly string[]): { rest: string[]; files: string[]; flagged: boolean } {
  const rest: string[] = [];
  const files: string[] = [];
  let taking = false;
  let flagged = false;
  for (const arg of args) {
    if (arg === "--survey") {
      taking = true;
      flagged = true;
    } else if (arg.startsWith("--survey=")) {
      files.push(arg.slice("--survey=".length));
      flagged = true;
      taking = false;
    } else if (taking && !arg.startsWith("-")) files.push(arg);
    else {
      taking = false;
      rest.push(arg);
    }
  }
  return { rest, files, flagged };
}

export async function readSurveyFiles(paths: readonly string[]): Promise<SurveyFiles> {
  const sheets: ResponseSheet[] = [];
  const failed: string[] = [];
  for (const path of paths) {
    let grid;
    try {
      grid = await loadXlsx(path);
    } catch (error) {
      failed.push(error instanceof UnusableInputError ? error.message : `${fileLabel(path)} не удалось прочитать.`);
      continue;
    }
    const single = grid.tabs.length === 1;
    const read = grid.tabs.map((tab) =>
      readResponseSheet(tab, single ? basename(path) : `${basename(path)}, лист «${tab.title}»`),
    );
    const useful = read.filter((s) => s.set !== null);
    // A workbook with other sheets besides the answers: only a file with no answers at all is a finding.
    sheets.push(...(useful.length > 0 ? useful : read.slice(0, 1)));
  }
  return { sheets, failed };
}
