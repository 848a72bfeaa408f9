/** What a draft report tells its maker, the same in the CLI and the sidebar. */
import { countWithNoun } from "../russian.js";
import { ERRORS } from "../severity.js";

/**
 * Errors listed in a draft's appendix at most: a workbook with tens of thousands of faulty rows
 * would otherwise make an appendix of thousands of pages that no one reads and that exhausts
 * memory while it is laid out; the rest are counted, and the check lists them all.
 */
export const MAX_APPENDIX_ERRORS = 500;

/**
 * «в таблице 1 ошибка. Она перечислена в приложении к отчёту; исправьте её …» — the pronoun
 * follows the number (one error «она … её», several «они … их»; «21 ошибка» is still several).
 */
export function draftErrorsNote(errors: number): string {
  if (errors > MAX_APPENDIX_ERRORS)
    return (
      `в таблице ${countWithNoun(errors, ERRORS)}. Первые ${MAX_APPENDIX_ERRORS} перечислены в приложении ` +
      `к отчёту, все — в проверке таблицы; исправьте их и сформируйте отчёт заново.`
    );
  const [they, them] = errors === 1 ? ["Она перечислена", "её"] : ["Они перечислены", "их"];
  return (
    `в таблице ${countWithNoun(errors, ERRORS)}. ${they} в приложении ` +
    `к отчёту; исправьте ${them} и сформируйте отчёт заново.`
  );
}
