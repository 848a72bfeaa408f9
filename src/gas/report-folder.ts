/**
 * Where the school's report goes, in the fewest Drive calls: the folder the workbook remembers
 * (the add-on's own «Отчёты МИП», its id kept in the document properties the report reads
 * anyway) or the one pasted into «Настройки» is used as the upload's parent directly. Its listing
 * (for a free name) is the check that it is still there: a folder holding the add-on's earlier
 * reports is in use; an empty listing is looked at once more (folderReachable); a 404 on the
 * upload itself falls back too. The fallback is the user's own folder (ownFolderId: user
 * properties, made anew when gone). So the common click costs one Files.list and one
 * Files.create; nothing is asked twice.
 */
import { firstFreeName } from "../core/report/build.js";
import type { DocModel } from "../core/report/model.js";
import { applyDocsLayout } from "./docs-merge.js";
import { reportPackage } from "./docx-package.js";
import { OWN_FOLDER_NAME, createReportDocument, isNotFound, ownFolderId, usableFolder } from "./drive-files.js";
import { folderIdFrom } from "./folder-id.js";

export interface PlacedReport {
  readonly id: string;
  readonly url: string;
  readonly name: string;
  /** The folder the document went into (its PDF goes beside it). */
  readonly folderId: string;
  /** What the Docs layout could not set (docs-merge.ts), in a sentence; null when all of it was. */
  readonly layoutMissing: string | null;
  /** Why the folder from «Настройки» was not used, in a sentence; null when it was (or none was set). */
  readonly notice: string | null;
  /** The add-on's own folder as used or found now (to remember), null when the report went elsewhere. */
  readonly ownFolder: string | null;
}

function unreachableNotice(asked: string): string {
  return (
    `Папка из «Настройки» (${asked}) недоступна дополнению, поэтому отчёт сохранён в папку ` +
    `«${OWN_FOLDER_NAME}» на вашем Диске (её можно переместить — дополнение её найдёт). Дополнение видит только ` +
    `файлы и папки, которые создало само: укажите папку «${OWN_FOLDER_NAME}» или оставьте поле пустым.`
  );
}

/**
 * A new Google Doc in `folderId` under the first name neither `remembered` nor `taken` (the
 * folder's names) holds, with the model drawn in it: the whole document uploaded as one .docx
 * that Drive converts, then one Documents.get and one batchUpdate for what the upload does not
 * set (docs-merge.ts). The number of Apps Script calls does not depend on the report's length.
 */
export function documentIn(
  model: DocModel,
  folderId: string,
  remembered: readonly string[],
  taken: ReadonlySet<string>,
): Omit<PlacedReport, "notice" | "ownFolder"> {
  const name = firstFreeName(model.title, (candidate) => remembered.includes(candidate) || taken.has(candidate));
  const made = createReportDocument({ name, folderId, parts: reportPackage(model) });
  const layout = applyDocsLayout(made.id, model);
  return { id: made.id, url: made.url, name, folderId, layoutMissing: layout.missing };
}

/** The document in `folderId` under its first free name; null when the add-on cannot use that folder. */
function tryFolder(
  model: DocModel,
  folderId: string,
  remembered: readonly string[],
): Omit<PlacedReport, "notice" | "ownFolder"> | null {
  const taken = usableFolder(folderId);
  if (!taken) return null;
  try {
    return documentIn(model, folderId, remembered, taken);
  } catch (error) {
    if (isNotFound(error, folderId)) return null;
    throw error;
  }
}

/**
 * The report as a new Google Doc. `setting`: «Папка для отчётов» as typed; `remembered`: names of
 * the reports made from this workbook; `knownOwnFolder`: the own folder the workbook remembers.
 */
export function placeReport(
  model: DocModel,
  setting: string,
  remembered: readonly string[],
  knownOwnFolder: string | null,
): PlacedReport {
  const asked = setting.trim();
  if (asked) {
    const pasted = folderIdFrom(asked);
    const made = pasted ? tryFolder(model, pasted, remembered) : null;
    if (made) return { ...made, notice: null, ownFolder: knownOwnFolder };
  }
  const notice = asked ? unreachableNotice(asked) : null;
  if (knownOwnFolder) {
    const made = tryFolder(model, knownOwnFolder, remembered);
    if (made) return { ...made, notice, ownFolder: knownOwnFolder };
  }
  const own = ownFolderId();
  const made = tryFolder(model, own, remembered);
  if (!made) throw new Error("Папка для отчётов недоступна сразу после проверки");
  return { ...made, notice, ownFolder: own };
}
