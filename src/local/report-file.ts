/**
 * Writing the report of a workbook grid to a .docx file without ever overwriting an existing
 * document: a taken name becomes «… (2).docx», «… (3).docx». Used by `mip report` and `mip demo`.
 */
import { extname, join } from "node:path";
import type { WorkbookGrid } from "../core/grid.js";
import type { Issue } from "../core/issues.js";
import { buildReport } from "../core/report/build.js";
import { safeFileName } from "../core/report/naming.js";
import type { IsoDate } from "../core/terms/types.js";
import { type ValidationResult, validateWorkbook } from "../core/validate.js";
import { renderDocx } from "./docx.js";
import { cappedName, writeNewFile } from "./files.js";

export interface WriteReportOptions {
  /** true: no document when there are errors (CLI --strict); undefined: `Настройки` decides. */
  readonly strict?: boolean;
  readonly today?: IsoDate;
  readonly reportDate?: IsoDate;
}

export type WriteReportResult =
  | {
      readonly kind: "written";
      /** Where the document actually went (may be numbered). */
      readonly path: string;
      /** The path asked for, when it was taken and a numbered name was used instead. */
      readonly requestedPath: string | null;
      readonly draft: boolean;
      readonly errors: number;
      readonly bytes: number;
      readonly validation: ValidationResult;
    }
  | { readonly kind: "blocked"; readonly errors: readonly Issue[]; readonly validation: ValidationResult };

/** Makes sure the file name ends in .docx (a bare «отчёт» becomes «отчёт.docx»). */
export function withDocxExtension(path: string): string {
  return extname(path).toLowerCase() === ".docx" ? path : `${path}.docx`;
}

/**
 * Validates the grid, builds the report and writes it. `outPath` null → `defaultDir` +
 * the document's name. Never overwrites: the file is created exclusively, numbered when taken
 * («… (2).docx»).
 */
export async function writeReportFile(
  grid: WorkbookGrid,
  outPath: string | null,
  options: WriteReportOptions & { defaultDir?: string } = {},
): Promise<WriteReportResult> {
  const validation = validateWorkbook(grid, {
    ...(options.today ? { today: options.today } : {}),
    ...(options.reportDate ? { reportDate: options.reportDate } : {}),
  });
  const built = buildReport(validation, options.strict === undefined ? {} : { strict: options.strict });
  if (built.kind === "blocked") return { kind: "blocked", errors: built.errors, validation };
  const bytes = await renderDocx(built.model);
  // A default name is capped in bytes (a 131-character organisation name is 250 bytes); a name the user gave is kept.
  const wanted = withDocxExtension(
    outPath ?? join(options.defaultDir ?? ".", cappedName(`${safeFileName(built.model.title)}.docx`)),
  );
  const path = await writeNewFile(wanted, bytes);
  return {
    kind: "written",
    path,
    requestedPath: path === wanted ? null : wanted,
    draft: built.model.draft,
    errors: built.errors,
    bytes: bytes.length,
    validation,
  };
}
