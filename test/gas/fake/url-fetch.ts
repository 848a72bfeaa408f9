/**
 * UrlFetchApp for the one host the add-on calls, the Google Forms API, with the token of
 * ScriptApp.getOAuthToken(): «Gets the OAuth 2.0 access token for the effective user»
 * (https://developers.google.com/apps-script/reference/script/script-app#getOAuthToken()) — it
 * carries the script's granted scopes, so the API sees what the manifest asked for.
 * UrlFetchApp.fetch needs script.external_request
 * (https://developers.google.com/apps-script/reference/url-fetch/url-fetch-app#fetch(String,Object));
 * the platform table (scopes.ts) checks it. muteHttpExceptions: false throws on a 4xx/5xx as
 * Apps Script does («Request failed for … returned code …»).
 */
import { type CallCounter, counted } from "./counter.js";
import type { FakeFormsApi } from "./forms-api.js";

export const OAUTH_TOKEN = "fake-oauth-token";
const FORMS_ROOT = "https://forms.googleapis.com/v1/";

class FakeHttpResponse {
  constructor(
    private readonly code: number,
    private readonly text: string,
  ) {}
  getResponseCode(): number {
    return this.code;
  }
  getContentText(): string {
    return this.text;
  }
}

export class FakeUrlFetchApp {
  /**
   * The manifest's urlFetchWhitelist, when a test sets it: «when you define an allowlist, script
   * projects can't access URLs that have not been added to the allowlist»
   * (https://developers.google.com/apps-script/manifest/allowlist-url).
   */
  _allowlist: readonly string[] | null = null;
  constructor(
    private readonly forms: FakeFormsApi,
    private readonly counter: CallCounter,
  ) {
    return counted(this, "UrlFetchApp", counter);
  }

  fetch(url: string, params: GoogleAppsScript.URL_Fetch.URLFetchRequestOptions = {}): FakeHttpResponse {
    if (this._allowlist && !this._allowlist.some((prefix) => url.startsWith(prefix)))
      throw new Error(`Exception: URL not allowlisted: ${url}`);
    if (!url.startsWith(FORMS_ROOT)) throw new Error(`fake: UrlFetchApp has no host for ${url}`);
    const headers = (params.headers ?? {}) as Record<string, string>;
    const method = String(params.method ?? "get").toLowerCase();
    const answer =
      headers.Authorization !== `Bearer ${OAUTH_TOKEN}`
        ? {
            code: 401,
            body: {
              error: {
                code: 401,
                message: "Request is missing required authentication credential.",
                status: "UNAUTHENTICATED",
              },
            },
          }
        : this.forms.handle(
            method,
            url.slice(FORMS_ROOT.length),
            typeof params.payload === "string" ? JSON.parse(params.payload) : undefined,
          );
    const text = JSON.stringify(answer.body);
    if (answer.code >= 400 && !params.muteHttpExceptions)
      throw new Error(
        `Exception: Request failed for https://forms.googleapis.com returned code ${answer.code}. Truncated server response: ${text.slice(0, 200)}`,
      );
    return counted(new FakeHttpResponse(answer.code, text), "HTTPResponse", this.counter);
  }
}
