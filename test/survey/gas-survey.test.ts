/**
 * «Комитет → Создать анкету мониторинга» and the справка from the Forms' responses, on the
 * BUILT committee bundle with the Apps Script fake, whose Forms API refuses what Google
 * refuses (test/gas/fake/forms-api.ts): scopes, forms the add-on did not create, an
 * unpublished form.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { forms_v1 } from "@googleapis/forms";
import { cellText } from "../../src/core/grid.js";
import { orgIndexOf } from "../../src/core/rules/orgs.js";
import { LEADERS_SET, LOW_RESULTS_SET, type QuestionSet, readAnswer } from "../../src/core/survey/index.js";
import { validateWorkbook } from "../../src/core/validate.js";
import { sampleSchools } from "../../src/demo/sample.js";
import { sampleSurveyFiles } from "../../src/demo/sample-survey.js";
import { FORMS_SCOPE, type FakeUrlFetchApp, SCOPE, documentStructure } from "../gas/fake/index.js";
import { lastAlert } from "../gas/inspect.js";
import { COMMITTEE_DIST } from "../gas/load-bundle.js";
import { committeeEnv } from "../committee/gas-env.js";

const id = (n: number) => `1project${String(n).padStart(4, "0")}abcdefghijklmnopqrstuvwxyz`;
const [network, tidy] = sampleSchools();
const manifest = JSON.parse(readFileSync(join(COMMITTEE_DIST, "appsscript.json"), "utf8")) as {
  oauthScopes: string[];
  urlFetchWhitelist?: string[];
};
const pushed = manifest.oauthScopes;

function env() {
  const e = committeeEnv([
    { id: id(1), organisation: "МОУ ДО «Центр развития образования»", grid: network!.grid },
    { id: id(2), organisation: "МОУ «СОШ № 4»", grid: tidy!.grid },
  ]);
  // The pushed manifest's allowlist: a fetch outside it fails as in Apps Script.
  (e.fake.globals.UrlFetchApp as FakeUrlFetchApp)._allowlist = manifest.urlFetchWhitelist ?? [];
  e.run("committeeSetup");
  e.counter.paused(() => e.committee.setActiveRange(e.committee._sheet("Реестр").getRange("B2") as never));
  return e;
}

type Env = ReturnType<typeof env>;
const forms = (e: Env) => [...e.fake.formsApi._forms.values()].map((f) => f.form);
const docText = (e: Env): string => {
  const docs = [...e.fake.documentApp._documents.values()];
  return e.counter
    .paused(() => documentStructure(docs.at(-1)!))
    .map((el) => ("text" in el ? el.text : "rows" in el ? el.rows.flat().join(" | ") : ""))
    .join("\n")
    .replace(/\u00a0/g, " ");
};

/** The demo's answers submitted through the fake form, as the schools would: organisation from the drop-down. */
function submitDemoAnswers(e: Env, created: forms_v1.Schema$Form[]): void {
  const orgs = orgIndexOf(validateWorkbook(network!.grid).workbook.tables.orgs.rows);
  const files = sampleSurveyFiles();
  const pairs: [QuestionSet, number][] = [
    [LOW_RESULTS_SET, 0],
    [LEADERS_SET, 1],
  ];
  for (const [set, index] of pairs) {
    const form = created.find((f) => f.info?.title === set.title)!;
    const [header, ...rows] = files[index]!.tab.rows;
    for (const row of rows) {
      const answers: Record<string, string | string[]> = {};
      for (const q of set.questions) {
        const cell = row[header!.indexOf(q.title)] ?? null;
        if (q.kind === "organisation") answers[q.title] = orgs.find(cellText(cell))!.name;
        else {
          const reading = readAnswer(q, cell);
          const a = reading.ok ? reading.answer : null;
          if (a?.kind === "several") answers[q.title] = [...a.values, ...a.other];
          else if (a) answers[q.title] = String(a.value);
        }
      }
      const [d, m, y, hh, mm, ss] = cellText(row[0]).split(/[.: ]/u).map(Number);
      const at = new Date(Date.UTC(y!, m! - 1, d!, hh! - 3, mm, ss)).toISOString();
      e.counter.paused(() => e.fake.formsApi._respond(form.formId!, answers, at));
    }
  }
}

describe("committee: the monitoring questionnaire as Google Forms (bundle)", () => {
  it("creates one published form per group from the questionnaire and shows the links; a second run makes none", () => {
    const e = env();
    const made = e.run("committeeCreateSurvey") as { group: string; url: string; formId: string }[];
    expect(made.map((f) => f.group)).toEqual(["low", "leaders"]);
    const created = forms(e);
    expect(created.map((f) => f.info?.title)).toEqual([LOW_RESULTS_SET.title, LEADERS_SET.title]);
    expect(created[0]!.items!.map((i) => i.title)).toEqual(LOW_RESULTS_SET.questions.map((q) => q.title));
    expect(created[1]!.items!.map((i) => i.title)).toEqual(LEADERS_SET.questions.map((q) => q.title));
    // The organisation is chosen from the project's «Организации» of the group.
    expect(created[0]!.items![0]!.questionItem!.question!.choiceQuestion!.options!.map((o) => o.value)).toEqual([
      "МОУ «Лесновская СОШ»",
      "МОУ «Берёзовская ООШ»",
      "МОУ «Сосновская СОШ»",
      "МОУ «Каменская СОШ»",
      "МОУ «Ручьёвская ООШ»",
    ]);
    expect(created[1]!.items![0]!.questionItem!.question!.choiceQuestion!.options!.map((o) => o.value)).toEqual([
      "МОУ «СОШ № 4»",
      "МОУ «Озёрская гимназия»",
      "МОУ «СОШ № 1»",
    ]);
    // Forms the API creates now start unpublished: the add-on published them.
    for (const f of created)
      expect(f.publishSettings?.publishState).toEqual({ isPublished: true, isAcceptingResponses: true });
    const alert = lastAlert(e.fake);
    for (const f of made) expect(alert).toContain(f.url);
    expect(alert).toContain("созданы и опубликованы");
    const again = e.run("committeeCreateSurvey") as unknown[];
    expect(again).toHaveLength(2);
    expect(forms(e)).toHaveLength(2);
    expect(lastAlert(e.fake)).toContain("уже созданы");
    expect(e.fake.platform.unknown.size).toBe(0);
    expect(manifest.urlFetchWhitelist).toEqual(["https://forms.googleapis.com/"]);
  });

  it("reads the forms' responses into the справка: sections 4 and 5 from the answers, each school once", () => {
    const e = env();
    e.run("committeeCreateSurvey");
    submitDemoAnswers(e, forms(e));
    e.run("committeeMakeProjectSpravka");
    const text = docText(e);
    expect(text).toContain("В муниципальном мониторинге приняли участие все пять школ с НОР.");
    expect(text).toContain("В муниципальном мониторинге приняли участие все три школы-лидера.");
    expect(text).toContain(
      "5.3. Эффективность проекта: средняя оценка — 3,67 при максимальной 5 (две оценки — 4, одна оценка — 3).",
    );
    expect(text).toContain(
      "4.13. Поддержка школ с НОР школой-наставником в решении школьных проблем: средняя оценка — 4",
    );
    const alert = lastAlert(e.fake);
    expect(alert).toContain("Анкета мониторинга (школы с НОР): учтены ответы организаций — 5 из 5.");
    expect(alert).toContain("«МОУ «Лесновская СОШ»» ответила на анкету 2 раза: учтён последний ответ");
  });

  it("a form the add-on did not create is not reachable under drive.file: the справка says so and nothing is made", () => {
    const e = env();
    e.run("committeeCreateSurvey");
    for (const stored of e.fake.formsApi._forms.values()) stored.granted = false;
    const docs = e.fake.documentApp._documents.size;
    expect(e.run("committeeMakeProjectSpravka")).toBeNull();
    expect(lastAlert(e.fake)).toContain("дополнение видит только свои формы");
    expect(e.fake.documentApp._documents.size).toBe(docs);
  });

  it("without script.external_request the forms cannot be made, with Google's message, and nothing is kept", () => {
    const e = env();
    e.fake.platform.scopes = new Set(pushed.filter((s) => s !== SCOPE.externalRequest));
    expect(e.run("committeeCreateSurvey")).toBeNull();
    expect(lastAlert(e.fake)).toContain("UrlFetchApp.fetch");
    expect(forms(e)).toHaveLength(0);
    const kept = e.counter.paused(() => [...e.fake.propertiesService._document._data.keys()]);
    expect(kept.filter((k) => k.startsWith("mip.survey."))).toEqual([]);
  });

  it("without drive.file (or forms.body) the Forms API refuses with 403 and no form exists", () => {
    const e = env();
    e.fake.platform.scopes = new Set(pushed.filter((s) => s !== SCOPE.driveFile));
    expect(e.run("committeeCreateSurvey")).toBeNull();
    expect(lastAlert(e.fake)).toContain("Request had insufficient authentication scopes");
    expect(forms(e)).toHaveLength(0);
    // forms.body would do as well for the Forms API, by the API's own list (the project's workbook
    // is then read under the opt-in deployment's spreadsheets.readonly instead of drive.file).
    const other = env();
    other.fake.platform.scopes = new Set([
      ...pushed.filter((s) => s !== SCOPE.driveFile),
      FORMS_SCOPE.formsBody,
      SCOPE.spreadsheetsReadonly,
    ]);
    expect(other.run("committeeCreateSurvey")).not.toBeNull();
  });
});
