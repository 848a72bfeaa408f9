/** What a draft report tells its maker, the same in the CLI and the sidebar. */
import { countWithNoun } from "../russian.js";
import { ERRORS } from "../severity.js";

/**
 * «в таблице 1 ошибка. Она перечислена в приложении к отчёту; исправьте её …» — the pronoun
 * follows the number (one error «она … её», several «они … их»; «21 ошибка» is still several).
 */
export function draftErrorsNote(errors: number): string {
  const [they, them] = errors === 1 ? ["Она перечислена", "её"] : ["Они перечислены", "их"];
  return (
    `в таблице ${countWithNoun(errors, ERRORS)}. ${they} в приложении ` +
    `к отчёту; исправьте ${them} и сформируйте отчёт заново.`
  );
}
