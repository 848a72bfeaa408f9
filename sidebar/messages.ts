/** The Russian sentences the sidebar shows when a server call fails. */
import { type ServerFunctionName, ServerCallError } from "./bridge.js";
import { duration } from "./format.js";
import { SIDEBAR_CALLS } from "../src/sidebar-calls.js";

/** «проверить таблицу»: the phrase the server's own failure message uses too. */
const action = (name: ServerFunctionName): string => SIDEBAR_CALLS[name].action;

export interface FailureMessage {
  /** What went wrong, for everyone. */
  text: string;
  /** The server's own words, shown small, when they may help (never for time-outs). */
  detail: string | null;
}

const hasCyrillic = (text: string): boolean => /[а-яё]/i.test(text);

/** Google prefixes thrown messages («Exception: », «Error: »); the user needs only the sentence. */
function serverSentence(detail: string): string {
  return detail.replace(/^(?:(?:Script)?Error|Exception|UserError):\s*/i, "").trim();
}

/** The technical cause inside our server's «Не удалось … Причина: X» sentence, or the whole text. */
function causeOf(detail: string): string {
  const sentence = serverSentence(detail);
  const marker = sentence.indexOf("Причина: ");
  return marker >= 0 ? sentence.slice(marker + "Причина: ".length) : sentence;
}

export function failureMessage(error: unknown, fallbackName: ServerFunctionName): FailureMessage {
  if (!(error instanceof ServerCallError)) {
    return {
      text: `Не удалось ${action(fallbackName)}: непредвиденная ошибка в панели.`,
      detail: error instanceof Error ? error.message : null,
    };
  }
  const doing = action(error.functionName);
  switch (error.kind) {
    case "timeout":
      return {
        text:
          `Не удалось ${doing}: сервер Google не ответил за ${duration(error.timeoutMs ?? 0)}. ` +
          `Проверьте подключение к интернету и нажмите «Повторить».`,
        detail: null,
      };
    case "auth":
      return {
        text:
          `Не удалось ${doing}: нет разрешения или истёк вход в аккаунт Google. Обновите ` +
          `страницу таблицы, при необходимости войдите снова и нажмите «Повторить».`,
        detail: causeOf(error.detail),
      };
    case "quota":
      return {
        text:
          `Не удалось ${doing}: превышен лимит Google Apps Script на число ` +
          `или длительность запросов. Подождите минуту и нажмите «Повторить».`,
        detail: causeOf(error.detail),
      };
    case "limit":
      return {
        text:
          `Не удалось ${doing}: операция заняла больше времени, чем разрешает Google. ` +
          `Нажмите «Повторить»; если не поможет, разделите таблицу или уменьшите число строк.`,
        detail: null,
      };
    case "network":
      return {
        text:
          `Не удалось ${doing}: нет связи с сервером Google. ` +
          `Проверьте подключение к интернету и нажмите «Повторить».`,
        detail: causeOf(error.detail),
      };
    case "unavailable":
      return {
        text:
          `Не удалось ${doing}: панель открыта не из Google Таблиц или дополнение ` +
          `обновилось. Закройте панель и откройте её снова через меню «МИП».`,
        detail: null,
      };
    case "server": {
      // Our own server code reports user-facing problems in Russian: show them as they are.
      const sentence = serverSentence(error.detail);
      if (/^Не удалось/.test(sentence)) return { text: sentence, detail: null };
      return hasCyrillic(sentence)
        ? { text: `Не удалось ${doing}. ${sentence}`, detail: null }
        : { text: `Не удалось ${doing}: ошибка на стороне сервера. Нажмите «Повторить».`, detail: sentence };
    }
  }
}
