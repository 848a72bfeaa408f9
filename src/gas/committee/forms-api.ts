/**
 * The Google Forms API (v1) over UrlFetchApp with the script's own OAuth token: Apps Script
 * has no advanced service for Forms, and FormApp would need the `forms` scope — every form of
 * the user — where the API accepts `drive.file`, the forms this add-on created
 * (https://developers.google.com/workspace/forms/api/reference/rest/v1/forms/create#authorization-scopes:
 * drive, drive.file or forms.body; FormApp.create: «https://www.googleapis.com/auth/forms»,
 * https://developers.google.com/apps-script/reference/forms/form-app#create(String)).
 * UrlFetchApp needs script.external_request
 * (https://developers.google.com/apps-script/reference/url-fetch/url-fetch-app). docs/SURVEY.md says why.
 */
import type { forms_v1 } from "@googleapis/forms";
import { UserError } from "../errors.js";

const FORMS = "https://forms.googleapis.com/v1/forms";

/** The message of Google's error body ({"error":{"message":…}}), or "" when there is none. */
function googleMessage(text: string): string {
  try {
    return (JSON.parse(text) as { error?: { message?: string } }).error?.message ?? "";
  } catch {
    return "";
  }
}

function call<T>(method: "get" | "post", url: string, body?: unknown): T {
  const response = UrlFetchApp.fetch(url, {
    method,
    contentType: "application/json",
    headers: { Authorization: `Bearer ${ScriptApp.getOAuthToken()}` },
    muteHttpExceptions: true,
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  });
  const code = response.getResponseCode();
  const text = response.getContentText();
  if (code >= 200 && code < 300) return JSON.parse(text) as T;
  const reason = googleMessage(text);
  throw new UserError(
    code === 404
      ? "Google Форма не найдена или создана не этим дополнением: дополнение видит только свои формы."
      : `Google Формы ответили ошибкой ${code}${reason ? `: ${reason}` : ""}. Попробуйте ещё раз.`,
  );
}

export const createForm = (form: forms_v1.Schema$Form): forms_v1.Schema$Form => call("post", FORMS, form);

export const updateForm = (
  formId: string,
  requests: forms_v1.Schema$Request[],
): forms_v1.Schema$BatchUpdateFormResponse =>
  call("post", `${FORMS}/${encodeURIComponent(formId)}:batchUpdate`, { requests });

export const publishForm = (formId: string, body: forms_v1.Schema$SetPublishSettingsRequest): void =>
  void call("post", `${FORMS}/${encodeURIComponent(formId)}:setPublishSettings`, body);

export const getForm = (formId: string): forms_v1.Schema$Form => call("get", `${FORMS}/${encodeURIComponent(formId)}`);

/** Every response, page by page (at most 5000 a page). */
export function listResponses(formId: string): forms_v1.Schema$FormResponse[] {
  const all: forms_v1.Schema$FormResponse[] = [];
  let token: string | undefined;
  do {
    const page = call<forms_v1.Schema$ListFormResponsesResponse>(
      "get",
      `${FORMS}/${encodeURIComponent(formId)}/responses${token ? `?pageToken=${encodeURIComponent(token)}` : ""}`,
    );
    all.push(...(page.responses ?? []));
    token = page.nextPageToken ?? undefined;
  } while (token);
  return all;
}
