/**
 * The Google Forms API (v1) as the committee calls it over UrlFetchApp: forms.create,
 * forms.batchUpdate (updateFormInfo, createItem), forms.get, forms.setPublishSettings and
 * forms.responses.list — refusing what Google refuses:
 *
 * - Scopes, per method's «Authorization scopes» (drive, drive.file or forms.body to write;
 *   drive.readonly and forms.body.readonly also read; responses: drive, drive.file or
 *   forms.responses.readonly):
 *   https://developers.google.com/workspace/forms/api/reference/rest/v1/forms/create#authorization-scopes,
 *   …/forms/batchUpdate, …/forms/get, …/forms/setPublishSettings, …/forms.responses/list.
 *   A token without one of them: 403 «Request had insufficient authentication scopes.».
 * - drive.file reaches only forms the app created or that were opened with it
 *   (https://developers.google.com/workspace/drive/api/guides/api-specific-auth: «only the specific
 *   Google Drive files you use with this app»): any other form answers 404.
 * - forms.create copies only info.title and info.documentTitle; «All other fields including the
 *   form description, items and settings are disallowed» (…/forms/create): 400.
 * - A form created through the API after 31 March 2026 is unpublished until
 *   forms.setPublishSettings publishes it (https://developers.google.com/workspace/forms/release-notes:
 *   «Forms created with the API after March 31, 2026 will have an unpublished state by default»;
 *   the guide https://developers.google.com/workspace/forms/api/guides/api-changes-to-google-forms
 *   names June 30, 2026 — the fake takes the earlier date). An unpublished or closed form takes
 *   no answer (`_respond` throws).
 * - createItem needs `location` with an index in [0..N] (Location: «This must be in the range
 *   [0..N)»; N+1 items after the insert); a choice question needs options; `isOther` «Currently
 *   only applies to RADIO and CHECKBOX choice types» (Option); a scale needs `low` and `high`
 *   (ScaleQuestion: «Required»); updateFormInfo needs an `updateMask` (UpdateFormInfoRequest:
 *   «Required … At least one field must be specified»).
 * - responses.list returns at most 5000 responses a page («If unspecified or zero, at most 5000
 *   responses are returned»), with nextPageToken for the rest.
 * The Forms API has no Apps Script advanced service; the add-on calls it by UrlFetchApp with
 * ScriptApp.getOAuthToken() (url-fetch.ts).
 */
import type { forms_v1 } from "@googleapis/forms";
import { SCOPE } from "./scopes.js";

const AUTH = "https://www.googleapis.com/auth/";
export const FORMS_SCOPE = {
  formsBody: `${AUTH}forms.body`,
  formsBodyReadonly: `${AUTH}forms.body.readonly`,
  formsResponsesReadonly: `${AUTH}forms.responses.readonly`,
} as const;

const WRITE = [SCOPE.drive, SCOPE.driveFile, FORMS_SCOPE.formsBody];
const READ = [SCOPE.drive, SCOPE.driveFile, SCOPE.driveReadonly, FORMS_SCOPE.formsBody, FORMS_SCOPE.formsBodyReadonly];
const RESPONSES = [SCOPE.drive, SCOPE.driveFile, FORMS_SCOPE.formsResponsesReadonly];
const REF = "https://developers.google.com/workspace/forms/api/reference/rest/v1/";
export const FORMS_METHODS: Readonly<Record<string, { scopes: readonly string[]; source: string }>> = {
  "forms.create": { scopes: WRITE, source: `${REF}forms/create#authorization-scopes` },
  "forms.batchUpdate": { scopes: WRITE, source: `${REF}forms/batchUpdate#authorization-scopes` },
  "forms.setPublishSettings": { scopes: WRITE, source: `${REF}forms/setPublishSettings#authorization-scopes` },
  "forms.get": { scopes: READ, source: `${REF}forms/get#authorization-scopes` },
  "forms.responses.list": { scopes: RESPONSES, source: `${REF}forms.responses/list#authorization-scopes` },
};

/** The day after which API-created forms start unpublished (the release notes' date). */
export const UNPUBLISHED_FROM = Date.parse("2026-04-01T00:00:00Z");
export const PAGE_MAX = 5000;

export interface HttpAnswer {
  readonly code: number;
  readonly body: unknown;
}

interface StoredForm {
  form: forms_v1.Schema$Form;
  /** Created by the app (or opened with it): reachable with drive.file. */
  granted: boolean;
  responses: forms_v1.Schema$FormResponse[];
}

const error = (code: number, status: string, message: string): HttpAnswer => ({
  code,
  body: { error: { code, message, status } },
});
const badRequest = (message: string) => error(400, "INVALID_ARGUMENT", message);
const notFound = () => error(404, "NOT_FOUND", "Requested entity was not found.");

export class FakeFormsApi {
  readonly _forms = new Map<string, StoredForm>();
  /** Every request the API received: method name and body, for tests. */
  readonly _requests: { method: string; body: unknown }[] = [];
  private seq = 0;

  /** The granted scopes of the token (null: every scope) and the clock of a create. */
  constructor(
    private readonly grantedScopes: () => ReadonlySet<string> | null,
    private readonly now: () => number = () => Date.now(),
  ) {}

  private allowed(method: string): HttpAnswer | null {
    const granted = this.grantedScopes();
    const rule = FORMS_METHODS[method]!;
    if (granted && !rule.scopes.some((s) => granted.has(s)))
      return error(403, "PERMISSION_DENIED", "Request had insufficient authentication scopes.");
    return null;
  }

  /** Only drive.file among the granted scopes that cover `method`: the form must be the app's. */
  private reachable(method: string, stored: StoredForm | undefined): stored is StoredForm {
    if (!stored) return false;
    const granted = this.grantedScopes();
    if (!granted) return true;
    const covering = FORMS_METHODS[method]!.scopes.filter((s) => granted.has(s));
    return stored.granted || covering.some((s) => s !== SCOPE.driveFile);
  }

  /** One HTTP request: `path` after https://forms.googleapis.com/v1/. */
  handle(httpMethod: string, path: string, body: unknown): HttpAnswer {
    const [route, query = ""] = path.split("?");
    const params = new URLSearchParams(query);
    let m: RegExpExecArray | null;
    if (httpMethod === "post" && route === "forms") return this.create(body);
    if (httpMethod === "post" && (m = /^forms\/([^/:]+):batchUpdate$/u.exec(route!)))
      return this.batchUpdate(m[1]!, body);
    if (httpMethod === "post" && (m = /^forms\/([^/:]+):setPublishSettings$/u.exec(route!)))
      return this.setPublishSettings(m[1]!, body);
    if (httpMethod === "get" && (m = /^forms\/([^/:]+)\/responses$/u.exec(route!)))
      return this.listResponses(m[1]!, params);
    if (httpMethod === "get" && (m = /^forms\/([^/:]+)$/u.exec(route!))) return this.get(m[1]!);
    throw new Error(`fake: Forms API ${httpMethod.toUpperCase()} ${path} is not modelled`);
  }

  private create(body: unknown): HttpAnswer {
    this._requests.push({ method: "forms.create", body });
    const refused = this.allowed("forms.create");
    if (refused) return refused;
    const form = (body ?? {}) as forms_v1.Schema$Form;
    const extra = Object.keys(form).filter((k) => k !== "info");
    const extraInfo = Object.keys(form.info ?? {}).filter((k) => k !== "title" && k !== "documentTitle");
    if (extra.length > 0 || extraInfo.length > 0)
      return badRequest(
        `Only info.title and info.document_title may be set when creating a form: ${[...extra, ...extraInfo].join(", ")}`,
      );
    if (!form.info?.title) return badRequest("info.title is required");
    const formId = `form-${++this.seq}`;
    const published = this.now() < UNPUBLISHED_FROM;
    const created: forms_v1.Schema$Form = {
      formId,
      info: { title: form.info.title, documentTitle: form.info.documentTitle ?? form.info.title },
      items: [],
      revisionId: "1",
      responderUri: `https://docs.google.com/forms/d/e/${formId}-responder/viewform`,
      publishSettings: { publishState: { isPublished: published, isAcceptingResponses: published } },
    };
    this._forms.set(formId, { form: created, granted: true, responses: [] });
    return { code: 200, body: structuredClone(created) };
  }

  private get(formId: string): HttpAnswer {
    this._requests.push({ method: "forms.get", body: null });
    const refused = this.allowed("forms.get");
    if (refused) return refused;
    const stored = this._forms.get(formId);
    if (!this.reachable("forms.get", stored)) return notFound();
    return { code: 200, body: structuredClone(stored.form) };
  }

  private batchUpdate(formId: string, body: unknown): HttpAnswer {
    this._requests.push({ method: "forms.batchUpdate", body });
    const refused = this.allowed("forms.batchUpdate");
    if (refused) return refused;
    const stored = this._forms.get(formId);
    if (!this.reachable("forms.batchUpdate", stored)) return notFound();
    const requests = ((body ?? {}) as forms_v1.Schema$BatchUpdateFormRequest).requests ?? [];
    // All or nothing: the requests are applied to a copy, kept only when every one is valid.
    const form = structuredClone(stored.form);
    const replies: forms_v1.Schema$Response[] = [];
    for (const [i, request] of requests.entries()) {
      const kinds = Object.keys(request);
      if (kinds.length !== 1) return badRequest(`requests[${i}]: exactly one request kind expected`);
      if (request.updateFormInfo) {
        if (!request.updateFormInfo.updateMask)
          return badRequest(`requests[${i}].update_form_info.update_mask is required`);
        for (const field of request.updateFormInfo.updateMask.split(",")) {
          const key = field.trim() as keyof forms_v1.Schema$Info;
          if (!["title", "description", "documentTitle"].includes(key))
            return badRequest(`requests[${i}]: invalid update_mask field ${field}`);
          (form.info as Record<string, unknown>)[key] = request.updateFormInfo.info?.[key] ?? null;
        }
        replies.push({});
        continue;
      }
      if (request.createItem) {
        const problem = this.itemProblem(request.createItem, form.items!.length);
        if (problem) return badRequest(`requests[${i}].create_item: ${problem}`);
        const item = structuredClone(request.createItem.item!);
        item.itemId = `item-${++this.seq}`;
        const question = item.questionItem?.question;
        if (question) question.questionId = `q${++this.seq}`;
        form.items!.splice(request.createItem.location!.index!, 0, item);
        replies.push({ createItem: { itemId: item.itemId, questionId: question ? [question.questionId!] : [] } });
        continue;
      }
      throw new Error(`fake: batchUpdate request ${kinds[0]} is not modelled`);
    }
    form.revisionId = String(Number(form.revisionId ?? "1") + 1);
    stored.form = form;
    return {
      code: 200,
      body: { replies, form: structuredClone(form), writeControl: { requiredRevisionId: form.revisionId } },
    };
  }

  private itemProblem(request: forms_v1.Schema$CreateItemRequest, count: number): string | null {
    const index = request.location?.index;
    if (request.location === undefined || index === undefined || index === null) return "location is required";
    if (!Number.isInteger(index) || index < 0 || index > count)
      return `location.index ${index} is out of range [0..${count}]`;
    const question = request.item?.questionItem?.question;
    if (!request.item?.title && !question) return "item is required";
    if (!question) return null;
    const kinds = ["choiceQuestion", "scaleQuestion", "textQuestion"].filter((k) => k in question);
    if (kinds.length !== 1) return "a question needs exactly one kind";
    if (question.choiceQuestion) {
      const { type, options } = question.choiceQuestion;
      if (!["RADIO", "CHECKBOX", "DROP_DOWN"].includes(type ?? "")) return `invalid choice type ${type}`;
      if (!options || options.length === 0) return "choice_question.options is required";
      for (const option of options) {
        if (option.isOther && type !== "RADIO" && type !== "CHECKBOX")
          return "is_other is only allowed for RADIO and CHECKBOX questions";
        if (!option.isOther && !option.value) return "option.value is required";
      }
    }
    if (question.scaleQuestion) {
      const { low, high } = question.scaleQuestion;
      if (typeof low !== "number" || typeof high !== "number") return "scale_question.low and high are required";
    }
    return null;
  }

  private setPublishSettings(formId: string, body: unknown): HttpAnswer {
    this._requests.push({ method: "forms.setPublishSettings", body });
    const refused = this.allowed("forms.setPublishSettings");
    if (refused) return refused;
    const stored = this._forms.get(formId);
    if (!this.reachable("forms.setPublishSettings", stored)) return notFound();
    const request = (body ?? {}) as forms_v1.Schema$SetPublishSettingsRequest;
    if (!request.publishSettings) return badRequest("publish_settings is required");
    const state = request.publishSettings.publishState ?? {};
    stored.form.publishSettings = {
      publishState: {
        isPublished: Boolean(state.isPublished),
        isAcceptingResponses: Boolean(state.isAcceptingResponses),
      },
    };
    return { code: 200, body: { formId, publishSettings: structuredClone(stored.form.publishSettings) } };
  }

  private listResponses(formId: string, params: URLSearchParams): HttpAnswer {
    this._requests.push({ method: "forms.responses.list", body: null });
    const refused = this.allowed("forms.responses.list");
    if (refused) return refused;
    const stored = this._forms.get(formId);
    if (!this.reachable("forms.responses.list", stored)) return notFound();
    const size = Math.min(PAGE_MAX, Number(params.get("pageSize")) || PAGE_MAX);
    const start = Number(params.get("pageToken") ?? 0);
    const page = stored.responses.slice(start, start + size);
    const next = start + size < stored.responses.length ? String(start + size) : undefined;
    return { code: 200, body: { responses: structuredClone(page), ...(next ? { nextPageToken: next } : {}) } };
  }

  /**
   * A respondent submits the form (test set-up): answers by question title. Refused as the form
   * refuses it: unpublished or closed, a required question unanswered, a choice not offered
   * (unless the question has «Другое»), a scale value outside it.
   */
  _respond(formId: string, answers: Readonly<Record<string, string | number | readonly string[]>>, at: string): void {
    const stored = this._forms.get(formId);
    if (!stored) throw new Error(`fake: no form ${formId}`);
    const state = stored.form.publishSettings?.publishState;
    if (!state?.isPublished || !state.isAcceptingResponses)
      throw new Error("fake: the form is not published or not accepting responses");
    const result: Record<string, forms_v1.Schema$Answer> = {};
    for (const item of stored.form.items ?? []) {
      const question = item.questionItem?.question;
      if (!question) continue;
      const given = answers[item.title ?? ""];
      const values = (Array.isArray(given) ? given : given === undefined || given === "" ? [] : [given]).map(String);
      if (values.length === 0) {
        if (question.required) throw new Error(`fake: required question «${item.title}» unanswered`);
        continue;
      }
      const choice = question.choiceQuestion;
      if (choice) {
        const offered = new Set((choice.options ?? []).map((o) => o.value));
        const other = (choice.options ?? []).some((o) => o.isOther);
        const foreign = values.filter((v) => !offered.has(v));
        if (foreign.length > (other ? 1 : 0))
          throw new Error(`fake: «${foreign.join(", ")}» is not an option of «${item.title}»`);
        if (choice.type !== "CHECKBOX" && values.length > 1)
          throw new Error(`fake: one answer only for «${item.title}»`);
      }
      const scale = question.scaleQuestion;
      if (scale && !values.every((v) => /^\d+$/u.test(v) && +v >= scale.low! && +v <= scale.high!))
        throw new Error(`fake: «${values.join()}» is outside the scale of «${item.title}»`);
      result[question.questionId!] = {
        questionId: question.questionId!,
        textAnswers: { answers: values.map((value) => ({ value })) },
      };
    }
    stored.responses.push({
      responseId: `response-${++this.seq}`,
      formId,
      createTime: at,
      lastSubmittedTime: at,
      answers: result,
    });
  }
}
