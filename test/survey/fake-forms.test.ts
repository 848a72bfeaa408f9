/** The fake's Forms API refuses what Google refuses (sources in test/gas/fake/forms-api.ts). */
import { describe, expect, it } from "vitest";
import {
  CallCounter,
  FakeFormsApi,
  FakeUrlFetchApp,
  FORMS_SCOPE,
  OAUTH_TOKEN,
  PAGE_MAX,
  SCOPE,
  UNPUBLISHED_FROM,
} from "../gas/fake/index.js";

const after = () => UNPUBLISHED_FROM + 86_400_000;
const api = (scopes: readonly string[] | null = [SCOPE.driveFile], now = after) =>
  new FakeFormsApi(() => (scopes ? new Set(scopes) : null), now);
const body = (a: { body: unknown }) => a.body as Record<string, any>;

function formWithQuestion(f: FakeFormsApi): string {
  const formId = body(f.handle("post", "forms", { info: { title: "Анкета" } })).formId as string;
  f.handle("post", `forms/${formId}:batchUpdate`, {
    requests: [
      {
        createItem: {
          item: { title: "Оценка", questionItem: { question: { required: true, scaleQuestion: { low: 1, high: 5 } } } },
          location: { index: 0 },
        },
      },
    ],
  });
  return formId;
}

describe("fake Forms API", () => {
  it("forms.create copies the title only: items or a description in the body are refused", () => {
    const f = api();
    expect(f.handle("post", "forms", { info: { title: "А", description: "Б" } }).code).toBe(400);
    expect(f.handle("post", "forms", { info: { title: "А" }, items: [] }).code).toBe(400);
    expect(f.handle("post", "forms", { info: { title: "А" } }).code).toBe(200);
  });

  it("a form created after 31 March 2026 is unpublished and takes no answer until published", () => {
    const f = api();
    const formId = formWithQuestion(f);
    expect(body(f.handle("get", `forms/${formId}`, undefined)).publishSettings.publishState.isPublished).toBe(false);
    expect(() => f._respond(formId, { Оценка: 5 }, "2026-12-01T10:00:00Z")).toThrow(/not published/u);
    f.handle("post", `forms/${formId}:setPublishSettings`, {
      publishSettings: { publishState: { isPublished: true, isAcceptingResponses: true } },
    });
    f._respond(formId, { Оценка: 5 }, "2026-12-01T10:00:00Z");
    expect(() => f._respond(formId, { Оценка: 7 }, "2026-12-01T10:00:00Z")).toThrow(/outside the scale/u);
    expect(() => f._respond(formId, {}, "2026-12-01T10:00:00Z")).toThrow(/required/u);
    // Before the date the API published new forms itself.
    const early = api([SCOPE.driveFile], () => UNPUBLISHED_FROM - 1);
    const old = body(early.handle("post", "forms", { info: { title: "А" } }));
    expect(old.publishSettings.publishState.isPublished).toBe(true);
  });

  it("batchUpdate refuses a missing location, an index past the end, «Другое» in a drop-down, an update without a mask — and applies nothing", () => {
    const f = api();
    const formId = body(f.handle("post", "forms", { info: { title: "А" } })).formId as string;
    const item = (question: object) => ({ title: "В", questionItem: { question } });
    const radio = { choiceQuestion: { type: "RADIO", options: [{ value: "Да" }] } };
    const cases = [
      [{ createItem: { item: item(radio) } }],
      [{ createItem: { item: item(radio), location: { index: 1 } } }],
      [
        {
          createItem: {
            item: item({ choiceQuestion: { type: "DROP_DOWN", options: [{ value: "Да" }, { isOther: true }] } }),
            location: { index: 0 },
          },
        },
      ],
      [{ createItem: { item: item({ scaleQuestion: { low: 1 } }), location: { index: 0 } } }],
      [{ updateFormInfo: { info: { description: "Д" } } }],
      [
        { createItem: { item: item(radio), location: { index: 0 } } },
        { createItem: { item: item(radio), location: { index: 5 } } },
      ],
    ];
    for (const requests of cases) expect(f.handle("post", `forms/${formId}:batchUpdate`, { requests }).code).toBe(400);
    expect(body(f.handle("get", `forms/${formId}`, undefined)).items).toEqual([]);
  });

  it("scopes: drive.file reaches only the app's own forms; another scope of the method's list reaches any; none is 403", () => {
    const f = api();
    const formId = formWithQuestion(f);
    f._forms.get(formId)!.granted = false;
    expect(f.handle("get", `forms/${formId}`, undefined).code).toBe(404);
    expect(f.handle("get", `forms/${formId}/responses`, undefined).code).toBe(404);
    const wide = new FakeFormsApi(() => new Set([SCOPE.driveFile, FORMS_SCOPE.formsResponsesReadonly]), after);
    wide._forms.set(formId, f._forms.get(formId)!);
    expect(wide.handle("get", `forms/${formId}/responses`, undefined).code).toBe(200);
    expect(wide.handle("get", `forms/${formId}`, undefined).code).toBe(404);
    const none = api([SCOPE.spreadsheetsReadonly]);
    expect(none.handle("post", "forms", { info: { title: "А" } }).code).toBe(403);
  });

  it("responses.list pages at most 5000 responses", () => {
    const f = api();
    const formId = formWithQuestion(f);
    f.handle("post", `forms/${formId}:setPublishSettings`, {
      publishSettings: { publishState: { isPublished: true, isAcceptingResponses: true } },
    });
    for (let i = 0; i < PAGE_MAX + 2; i++) f._respond(formId, { Оценка: (i % 5) + 1 }, "2026-12-01T10:00:00Z");
    const first = body(f.handle("get", `forms/${formId}/responses`, undefined));
    expect(first.responses).toHaveLength(PAGE_MAX);
    const second = body(f.handle("get", `forms/${formId}/responses?pageToken=${first.nextPageToken}`, undefined));
    expect(second.responses).toHaveLength(2);
    expect(second.nextPageToken).toBeUndefined();
  });
});

describe("fake UrlFetchApp", () => {
  it("refuses a URL outside the manifest's allowlist, and calls without the script's token are 401", () => {
    const f = api();
    const fetcher = new FakeUrlFetchApp(f, new CallCounter());
    fetcher._allowlist = ["https://forms.googleapis.com/"];
    const auth = { headers: { Authorization: `Bearer ${OAUTH_TOKEN}` }, muteHttpExceptions: true };
    expect(
      fetcher
        .fetch("https://forms.googleapis.com/v1/forms", {
          ...auth,
          method: "post",
          payload: JSON.stringify({ info: { title: "А" } }),
        })
        .getResponseCode(),
    ).toBe(200);
    expect(
      fetcher
        .fetch("https://forms.googleapis.com/v1/forms", { method: "post", muteHttpExceptions: true })
        .getResponseCode(),
    ).toBe(401);
    fetcher._allowlist = ["https://example.org/"];
    expect(() => fetcher.fetch("https://forms.googleapis.com/v1/forms", auth)).toThrow(/not allowlisted/u);
  });
});
