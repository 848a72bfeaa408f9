/** Russian wording of the menu's results (plural forms from core/russian, nouns from core/severity). */
import type { IssueCounts } from "../core/issues.js";
import { countWithNoun } from "../core/russian.js";
import { ERRORS, INFOS, WARNINGS } from "../core/severity.js";
import type { SetupResult } from "./template-sheets.js";

const TABS_FORMS = ["вкладка", "вкладки", "вкладок"] as const;

export function countsText(counts: IssueCounts): string {
  if (counts.errors + counts.warnings + counts.infos === 0) return "Ошибок не найдено.";
  // Only what was found: «Найдено: 11 ошибок.», not «11 ошибок, 0 предупреждений, 0 замечаний».
  const found = [
    [counts.errors, ERRORS],
    [counts.warnings, WARNINGS],
    [counts.infos, INFOS],
  ] as const;
  return `Найдено: ${found
    .filter(([n]) => n > 0)
    .map(([n, forms]) => countWithNoun(n, forms))
    .join(", ")}.`;
}

export function setupText(result: SetupResult): string {
  const lines: string[] = [];
  if (result.created.length)
    lines.push(
      `Создано: ${countWithNoun(result.created.length, TABS_FORMS)} ` +
        `(${result.created.map((t) => `«${t}»`).join(", ")}).`,
    );
  if (result.repairedHeaders.length)
    lines.push(
      `Восстановлены заголовки: ${result.repairedHeaders.join("; ")}. ` +
        `Прежний текст сохранён в примечании ячейки, данные не тронуты.`,
    );
  if (result.addedFields.length) lines.push(`Добавлены поля: ${result.addedFields.join("; ")}.`);
  if (result.conflicts.length) lines.push(`Требует вашего решения:\n${result.conflicts.join("\n")}`);
  if (lines.length === 0) lines.push("Шаблон в порядке: ничего менять не понадобилось.");
  return lines.join("\n\n");
}

export function clearedText(tabs: number): string {
  return tabs === 0
    ? "Подсветки дополнения нет."
    : `Подсветка и примечания дополнения убраны ` +
        `(${countWithNoun(tabs, TABS_FORMS)}). Ваши цвета и примечания сохранены.`;
}

/** Escapes text for the small HTML dialogs (the report link). */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!,
  );
}
