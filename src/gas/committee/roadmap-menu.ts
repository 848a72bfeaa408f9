/**
 * The committee menu's roadmap items: create the tabs, make the order with its appendix, make the
 * report on its execution. The execution tab itself is rewritten by every «Обновить свод».
 */
import { countWithNoun } from "../../core/russian.js";
import { ERRORS, WARNINGS } from "../../core/severity.js";
import { userMessage } from "../errors.js";
import { type RoadmapDocument, ensureRoadmapTabs, makeExecutionDocument, makeOrderDocument } from "./roadmap.js";

const TITLE = "МИП-отчёт — комитет";

function tell(message: string): void {
  SpreadsheetApp.getUi().alert(TITLE, message, SpreadsheetApp.getUi().ButtonSet.OK);
}

function findingsText(made: RoadmapDocument): string {
  if (made.errors === 0 && made.warnings === 0) return "Замечаний к дорожной карте нет.";
  const counts = [
    made.errors ? countWithNoun(made.errors, ERRORS) : "",
    made.warnings ? countWithNoun(made.warnings, WARNINGS) : "",
  ]
    .filter(Boolean)
    .join(", ");
  const draft = made.errors > 0 ? " Пока есть ошибки, документ помечен как черновик." : "";
  return [`В дорожной карте: ${counts}.${draft}`, ...made.firstFindings].join("\n");
}

export function committeeRoadmapSetup(): void {
  try {
    const created = ensureRoadmapTabs(SpreadsheetApp.getActiveSpreadsheet());
    tell(
      created.length > 0
        ? `Созданы вкладки: ${created.map((t) => `«${t}»`).join(", ")}. Внесите пункты дорожной карты и поля ` +
            `распоряжения; школы указывают номер пункта в столбце «Пункт дорожной карты» своих таблиц.`
        : "Вкладки «Дорожная карта» и «Распоряжение» уже есть.",
    );
  } catch (error) {
    tell(userMessage(error, "создать вкладки дорожной карты"));
  }
}

export function committeeMakeRoadmapOrder(): { url: string; name: string } | null {
  try {
    const made = makeOrderDocument(SpreadsheetApp.getActiveSpreadsheet());
    tell(`Распоряжение с дорожной картой готово: «${made.name}». Ссылка: ${made.url}\n${findingsText(made)}`);
    return { url: made.url, name: made.name };
  } catch (error) {
    tell(userMessage(error, "сформировать распоряжение"));
    return null;
  }
}

export function committeeMakeRoadmapReport(): { url: string; name: string } | null {
  try {
    const made = makeExecutionDocument(SpreadsheetApp.getActiveSpreadsheet());
    tell(
      `Отчёт об исполнении дорожной карты готов: «${made.name}». Ссылка: ${made.url}\n` +
        "Исполнение — по данным последнего обновления свода; вкладка «Исполнение дорожной карты» обновлена.",
    );
    return { url: made.url, name: made.name };
  } catch (error) {
    tell(userMessage(error, "сформировать отчёт об исполнении дорожной карты"));
    return null;
  }
}
