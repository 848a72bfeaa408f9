/**
 * The committee deployment under its own pushed manifest: the scopes it needs (and what fails,
 * with Google's message, without each), the change stamp that lets it skip unchanged schools
 * without any Drive metadata scope, and the add-on trigger rules around the hourly refresh.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SUMMARY_ALL_HEADERS, summaryColumn } from "../../src/core/committee/index.js";
import { sampleGrid } from "../../src/demo/sample.js";
import { SCOPE, manifestScopes, refusedMethod, ruleFor } from "../gas/fake/index.js";
import { COMMITTEE_DIST, ROOT, createGasEnvironment } from "../gas/load-bundle.js";
import { schoolGrid } from "./fixtures.js";
import { type CommitteeEnv, type SchoolSheet, committeeEnv, summaryValues } from "./gas-env.js";

const id = (n: number) => `1school${String(n).padStart(4, "0")}abcdefghijklmnopqrstuvwxyz`;
const pushed = (JSON.parse(readFileSync(join(COMMITTEE_DIST, "appsscript.json"), "utf8")) as { oauthScopes: string[] })
  .oauthScopes;
const state = (env: CommitteeEnv, rows: number) =>
  summaryValues(env)
    .slice(1, rows + 1)
    .map((r) => r[summaryColumn("Состояние")]);
const schools = (n: number): SchoolSheet[] =>
  Array.from({ length: n }, (_, i) => ({
    id: id(i),
    organisation: `Школа ${i}`,
    grid: schoolGrid({ shortName: `Школа ${i}` }),
  }));

/** The committee env with one scope of its manifest taken out. */
function without(scope: string, list: readonly SchoolSheet[] = schools(2)): CommitteeEnv {
  const env = committeeEnv(list);
  env.fake.platform.scopes = new Set(pushed.filter((s) => s !== scope));
  return env;
}

const refusal = (text: string) =>
  /Specified permissions are not sufficient to call ([\w.]+)\. Required permissions: (\S+(?: \|\| \S+)*)/.exec(text);
const refused = (text: string) => refusedMethod(text);

describe("committee deployment: scopes as pushed", () => {
  it("with the manifest exactly as pushed the refresh and the справка work", () => {
    const env = committeeEnv(schools(3));
    expect((env.run("committeeRefresh") as { kind: string }).kind).toBe("finished");
    expect(state(env, 3)).toEqual(["ОК", "ОК", "ОК"]);
    const made = env.run("committeeMakeSummary") as { url: string; name: string } | null;
    expect(made?.name).toMatch(/^Сводка по МИП — /);
    expect(env.fake.platform.unknown.size).toBe(0);
    expect(env.counter.countPrefix("DriveApp.")).toBe(0);
  });

  it(
    "under drive.file the committee reads the workbooks it created or was granted; one it was not " +
      "given is refused with the API's 403 («Нет доступа»), and the opt-in deployment reads it",
    () => {
      const list: SchoolSheet[] = [...schools(2), { ...schools(3)[2]!, foreign: true }];
      const env = committeeEnv(list);
      expect(pushed).not.toContain(SCOPE.spreadsheetsReadonly);
      env.run("committeeRefresh");
      expect(state(env, 3)).toEqual(["ОК", "ОК", "Нет доступа"]);
      expect(env.fake.fileAccess.refused.map(([, file]) => file)).toEqual([list[2]!.id]);
      const optIn = manifestScopes(join(ROOT, "appsscript.committee-readonly.json"));
      const wide = committeeEnv(list);
      wide.fake.platform.scopes = new Set(optIn);
      wide.run("committeeRefresh");
      expect(state(wide, 3)).toEqual(["ОК", "ОК", "ОК"]);
      // And with no scope that reaches it, the Sheets API call itself is refused with Google's message.
      const bare = without(SCOPE.driveFile, schools(1));
      bare.run("committeeRefresh");
      expect(state(bare, 1)).toEqual([
        "Ошибка чтения: дополнению не хватает разрешений Google (см. README, «Разрешения»)",
      ]);
    },
  );

  it("without script.scriptapp the hourly refresh cannot be switched on, and the alert carries Google's message", () => {
    const env = without(SCOPE.scriptapp);
    env.run("committeeEnableHourly");
    const found = refusal(env.fake.ui._alerts.at(-1)!.prompt);
    expect(found?.[1]).toBe("ScriptApp.getUserTriggers");
    expect(found?.[2]).toBe(SCOPE.scriptapp);
    expect(env.triggers()).toEqual([]);
  });

  for (const scope of [SCOPE.driveFile]) {
    it(
      `without ${scope.replace("https://www.googleapis.com/auth/", "")} ` +
        `the справка fails with Google's message and nothing is made`,
      () => {
        const env = without(scope);
        env.run("committeeRefresh");
        expect(env.run("committeeMakeSummary")).toBeNull();
        const method = refused(env.fake.ui._alerts.at(-1)!.prompt);
        expect(method, env.fake.ui._alerts.at(-1)!.prompt).not.toBeNull();
        expect(ruleFor(method!)!.scopes).toContain(scope);
      },
    );
  }
});

describe("unchanged schools are skipped by the change stamp the school's add-on writes", () => {
  it("an edit through the school deployment moves the stamp; the next refresh re-reads that school only", () => {
    const env = committeeEnv([
      { id: id(1), organisation: "Школа 1", grid: sampleGrid() },
      { id: id(2), organisation: "Школа 2", grid: schoolGrid({ shortName: "Школа 2" }) },
    ]);
    env.run("committeeRefresh");
    env.counter.reset();
    env.run("committeeRefresh");
    expect(env.counter.count("Sheets.Spreadsheets.Values.batchGet")).toBe(0);

    // The coordinator of school 1 edits a template tab; the school's own add-on (its own
    // deployment and manifest) runs onEdit in that workbook.
    const schoolSheet = env.schools.get(id(1))!;
    const school = createGasEnvironment({ spreadsheet: schoolSheet, counter: env.counter });
    const before = env.counter.paused(
      () => schoolSheet._metadata.find((m) => m._json().key === "mip.changeStamp")!._json().value,
    );
    env.clock.ms += 60_000;
    (school.global.Date as { now(): number }).now = () => env.clock.ms;
    school.fns.onEdit!({ authMode: "LIMITED", range: schoolSheet._sheet("Кадры").getRange("A2"), source: schoolSheet });
    const after = env.counter.paused(
      () => schoolSheet._metadata.find((m) => m._json().key === "mip.changeStamp")!._json().value,
    );
    expect(after).not.toBe(before);

    env.counter.reset();
    env.run("committeeRefresh");
    expect(env.counter.count("Sheets.Spreadsheets.get")).toBe(2);
    expect(env.counter.count("Sheets.Spreadsheets.Values.batchGet")).toBe(1);
    expect(summaryValues(env)[1]![summaryColumn("Изменена")]).toBe(after);
  });

  it("a row last read on an earlier day is read again whatever its stamp (an edit the add-on did not see costs at most a day)", () => {
    const env = committeeEnv(schools(3));
    env.run("committeeRefresh");
    env.counter.reset();
    env.run("committeeRefresh");
    expect(env.counter.count("Sheets.Spreadsheets.Values.batchGet")).toBe(0);
    env.clock.ms += 24 * 3600_000;
    env.counter.reset();
    env.run("committeeRefresh");
    expect(env.counter.count("Sheets.Spreadsheets.Values.batchGet")).toBe(3);
    expect(String(summaryValues(env)[1]![summaryColumn("Обновлено")])).toMatch(/^21\.12\.2022 /);
    env.counter.reset();
    env.run("committeeRefresh");
    expect(env.counter.count("Sheets.Spreadsheets.Values.batchGet")).toBe(0);
  });

  it("a workbook whose add-on never wrote a stamp is read every time (never wrongly skipped)", () => {
    const env = committeeEnv([{ id: id(1), organisation: "Старая", grid: sampleGrid() }]);
    env.counter.paused(() => {
      const ss = env.schools.get(id(1))!;
      ss._metadata = ss._metadata.filter((m) => m._json().key !== "mip.changeStamp");
    });
    env.run("committeeRefresh");
    env.counter.reset();
    env.run("committeeRefresh");
    expect(env.counter.count("Sheets.Spreadsheets.Values.batchGet")).toBe(1);
  });

  it("reads only DOCUMENT-visible metadata: a PROJECT stamp of another project is not seen", () => {
    const env = committeeEnv([{ id: id(1), organisation: "Школа", grid: sampleGrid() }]);
    env.counter.paused(() => {
      const ss = env.schools.get(id(1))!;
      ss._metadata = ss._metadata.filter((m) => m._json().key !== "mip.changeStamp");
      ss.addDeveloperMetadata("mip.changeStamp", "2022-12-01T00:00:00.000Z", "PROJECT" as never);
    });
    env.run("committeeRefresh");
    expect(summaryValues(env)[1]![summaryColumn("Изменена")]).toBe("");
  });
});

describe("triggers of the committee spreadsheet only", () => {
  it("switching the hourly refresh on and off never touches the user's triggers of other documents", () => {
    const env = committeeEnv([]);
    const app = env.fake.scriptApp;
    app._triggers.push({
      id: "other-doc",
      handler: "committeeHourlyRefresh",
      everyHours: 1,
      documentId: "another-committee-sheet",
      user: app._user,
    });
    env.run("committeeEnableHourly");
    expect(env.fake.ui._alerts.at(-1)!.prompt).toBe("Свод будет обновляться каждый час.");
    env.run("committeeDisableHourly");
    expect(app._triggers.map((t) => t.id)).toEqual(["other-doc"]);
  });

  it("enabling the hourly refresh while a continuation is pending replaces it (one time-driven trigger per document)", () => {
    const env = committeeEnv(schools(20), { openCostMs: 60_000 });
    const first = env.run("committeeRefresh") as { kind: string; next: string };
    expect(first).toMatchObject({ kind: "continues", next: "minute" });
    expect(env.triggers().map((t) => t.handler)).toEqual(["committeeContinueRefresh"]);
    env.run("committeeEnableHourly");
    expect(env.fake.ui._alerts.at(-1)!.prompt).toBe("Свод будет обновляться каждый час.");
    expect(env.triggers()).toEqual([{ handler: "committeeHourlyRefresh", everyHours: 1, afterMs: null }]);
    // The hourly runs continue from the cursor.
    let runs = 0;
    while ((env.run("committeeHourlyRefresh") as { kind: string }).kind === "continues" && runs < 10) runs++;
    expect(state(env, 20)).toEqual(Array(20).fill("ОК"));
  });

  it("«Service using too much computer time for one day» pauses for the day, like the daily quota", () => {
    const env = committeeEnv(schools(5));
    env.sheetsErrors.set(id(2), "Exception: Service using too much computer time for one day");
    const paused = env.run("committeeRefresh") as { kind: string; done: number; pause: string | null; next: string };
    expect(paused).toMatchObject({ kind: "continues", done: 2, pause: "day", next: "manual" });
    expect(env.triggers()).toEqual([]);
    expect(String(summaryValues(env)[1]![SUMMARY_ALL_HEADERS.length])).toMatch(/исчерпан суточный лимит Google/);
  });
});
