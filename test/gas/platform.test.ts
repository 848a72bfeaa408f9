/**
 * The platform as Google runs it: the pushed manifests, the scope each call needs, the
 * authorisation mode of each trigger, the add-on trigger rules, and what the built bundles may
 * contain. Every check here would fail if the add-on asked Google for something it refuses.
 */
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import type { ReportOutcome } from "../../src/api.js";
import { tabsToRead } from "../../src/gas/live.js";
import { sampleGrid } from "../../src/demo/sample.js";
import { writeCommitteeReadonly } from "../../scripts/committee-readonly.mjs";
import {
  ADDON_TRIGGER_LIMIT,
  CallCounter,
  FakeTable,
  HOURLY_AT_MOST,
  METHOD_SCOPES,
  RESTRICTED_SCOPES,
  SCOPE,
  SENSITIVE_SCOPES,
  manifestScopes,
  refusedMethod,
  ruleFor,
  spreadsheetFromGrid,
} from "./fake/index.js";
import { NOW, documentIdOf, withField } from "./fixtures.js";
import {
  COMMITTEE_DIST,
  DIST,
  ROOT,
  type Deployment,
  type GasEnvironment,
  createGasEnvironment,
  deploymentDir,
  ensureBundleBuilt,
} from "./load-bundle.js";

ensureBundleBuilt();
const manifest = (d: Deployment) =>
  JSON.parse(readFileSync(join(deploymentDir(d), "appsscript.json"), "utf8")) as { oauthScopes: string[] };
const READS_OTHER_FILES = [...RESTRICTED_SCOPES, SCOPE.spreadsheets, SCOPE.spreadsheetsReadonly];
const GOOGLE_REFUSAL =
  /^Exception: Specified permissions are not sufficient to call ([\w.]+)\. Required permissions: (https:\/\/\S+|\(.+\))$/;

function school(options: { scopes?: readonly string[]; grid?: ReturnType<typeof sampleGrid> } = {}): GasEnvironment {
  const counter = new CallCounter();
  return createGasEnvironment({
    spreadsheet: spreadsheetFromGrid(options.grid ?? sampleGrid(), counter),
    counter,
    now: NOW,
    ...(options.scopes ? { scopes: options.scopes } : {}),
  });
}

/** Runs code inside the bundle's realm (its globals are the fakes), as a line of the add-on would. */
function inBundle(env: GasEnvironment, code: string): unknown {
  return (env.global.Function as FunctionConstructor)(code)();
}

describe("manifests as pushed", () => {
  it("the school and the committee ask for no sensitive or restricted scope; only the committee's opt-in reads other workbooks", () => {
    const schoolScopes = manifest("school").oauthScopes;
    expect(schoolScopes.filter((s) => READS_OTHER_FILES.includes(s))).toEqual([]);
    expect(schoolScopes.sort()).toEqual([SCOPE.containerUi, SCOPE.driveFile, SCOPE.spreadsheetsCurrentonly].sort());
    const committeeScopes = manifest("committee").oauthScopes;
    for (const scopes of [schoolScopes, committeeScopes]) {
      expect(scopes.filter((s) => RESTRICTED_SCOPES.includes(s))).toEqual([]);
      expect(scopes.filter((s) => SENSITIVE_SCOPES.includes(s))).toEqual([]);
    }
    expect(committeeScopes).toContain(SCOPE.scriptapp);
    expect(schoolScopes).not.toContain(SCOPE.scriptapp);
    // The opt-in deployment: the committee's code and scopes plus spreadsheets.readonly, nothing else.
    // Not in an ordinary build (it would put a sensitive scope among the built manifests): written
    // from the committee's bundle when asked for (scripts/committee-readonly.mjs).
    expect(existsSync(join(DIST, "committee-readonly"))).toBe(false);
    const optInDir = writeCommitteeReadonly(ROOT, mkdtempSync(join(tmpdir(), "mip-optin-")));
    const optIn = manifestScopes(join(optInDir, "appsscript.json"));
    expect(optIn.filter((s) => !committeeScopes.includes(s))).toEqual([SCOPE.spreadsheetsReadonly]);
    expect(committeeScopes.filter((s) => !optIn.includes(s))).toEqual([]);
    // No bundle can call DocumentApp (it needs documents, which neither manifest has).
    for (const dir of [DIST, COMMITTEE_DIST])
      expect(readFileSync(join(dir, "Code.js"), "utf8")).not.toMatch(/\bDocumentApp\b/);
    expect(readFileSync(join(optInDir, "Code.js"), "utf8")).toBe(readFileSync(join(COMMITTEE_DIST, "Code.js"), "utf8"));
  });

  it(
    "each deployment has its own entry points: committee functions " +
      "only in dist/committee, onEdit and the sidebar only in the school's",
    () => {
      const names = (dir: string) => JSON.parse(readFileSync(join(dir, "entry-points.json"), "utf8")) as string[];
      const schoolNames = names(DIST);
      const committeeNames = names(COMMITTEE_DIST);
      expect(schoolNames.filter((n) => n.startsWith("committee"))).toEqual([]);
      expect(schoolNames).toEqual(
        expect.arrayContaining(["onOpen", "onInstall", "onEdit", "sidebarValidate", "menuGenerateReport"]),
      );
      expect(committeeNames).toEqual(
        expect.arrayContaining([
          "onOpen",
          "onInstall",
          "committeeRefresh",
          "committeeMakeSummary",
          "committeeHourlyRefresh",
          "committeeContinueRefresh",
        ]),
      );
      expect(committeeNames).not.toContain("onEdit");
    },
  );

  it("every entry of the scope table cites a Google reference page", () => {
    for (const [method, rule] of Object.entries(METHOD_SCOPES))
      expect(rule.source, method).toMatch(/^https:\/\/developers\.google\.com\//);
  });
});

describe("built bundles: only what Apps Script's runtime has", () => {
  // Not lowered by esbuild for es2019, or not the platform's: each would fail at run time in Google.
  const FORBIDDEN: [RegExp, string][] = [
    [/\.at\(\s*-?\d/, "Array/String.prototype.at (ES2022)"],
    [/\bIntl\s*\.\s*PluralRules\b/, "Intl.PluralRules (Apps Script's ICU data is undocumented)"],
    [/\bgetProjectTriggers\s*\(/, "ScriptApp.getProjectTriggers (every document's triggers)"],
    [/\bDriveApp\b/, "DriveApp (needs the full drive scope)"],
    [/\bObject\.hasOwn\b/, "Object.hasOwn (ES2022)"],
    [/\.replaceAll\(/, "String.prototype.replaceAll (ES2021)"],
    [/\bstructuredClone\b/, "structuredClone (not in Apps Script)"],
    [/\.findLast(Index)?\(/, "Array.prototype.findLast (ES2023)"],
    [/\.to(Sorted|Reversed|Spliced)\(/, "change-array-by-copy (ES2023)"],
    [/\bPromise\.(allSettled|any)\b/, "Promise.allSettled/any (ES2020/21)"],
    [/\bWeakRef\b|\bFinalizationRegistry\b/, "WeakRef (ES2021)"],
    [/\.matchAll\(/, "String.prototype.matchAll (ES2020)"],
    [/globalThis\s*\.\s*(Sheets|Drive|Docs)\b|globalThis\)\[/, "advanced services through globalThis (use typeof)"],
  ];
  // The committee calls one API by UrlFetchApp — Google Forms, which has no advanced service (docs/SURVEY.md).
  const NO_FETCH: [RegExp, string] = [/\bUrlFetchApp\b/, "UrlFetchApp (no external requests)"];
  for (const d of ["school", "committee"] as const) {
    it(`${d}: none of ${FORBIDDEN.length + (d === "school" ? 1 : 0)} forbidden built-ins`, () => {
      const code = readFileSync(join(deploymentDir(d), "Code.js"), "utf8");
      expect(code.length).toBeGreaterThan(10_000);
      for (const [pattern, what] of [...FORBIDDEN, ...(d === "school" ? [NO_FETCH] : [])])
        expect(pattern.test(code), what).toBe(false);
      const apiHosts = new Set([...code.matchAll(/https:\/\/([\w-]+)\.googleapis\.com\/v\d/g)].map((m) => m[1]));
      expect([...apiHosts]).toEqual(d === "school" ? [] : ["forms"]);
      // Advanced services are looked up with typeof, which never throws for a missing global.
      expect(code).toMatch(/typeof Drive\b/);
    });
  }
});

describe("the fake refuses what the granted scopes do not cover, with Google's message", () => {
  it("a DriveApp call under drive.file alone fails: DriveApp needs the full drive scope", () => {
    const env = school();
    expect(() => inBundle(env, "return DriveApp.createFolder('Отчёты МИП')")).toThrow(
      "Exception: Specified permissions are not sufficient to call " +
        "DriveApp.createFolder. Required permissions: https://www.googleapis.com/auth/drive",
    );
    expect(() => inBundle(env, "return DriveApp.getFileById('x')")).toThrow(
      /not sufficient to call DriveApp\.getFileById\. Required permissions: \(https:\/\/www\.googleapis\.com\/auth\/drive\.readonly \|\| https:\/\/www\.googleapis\.com\/auth\/drive\)/,
    );
    // With the scope granted the same call goes through.
    const wide = school({ scopes: [...manifest("school").oauthScopes, SCOPE.drive] });
    expect(() => inBundle(wide, "return DriveApp.createFolder('Отчёты МИП')")).not.toThrow();
  });

  it("with the manifest exactly as pushed, the sample's check and report work, and every call the add-on made is in the table", () => {
    const env = school();
    env.fns.onOpen!({ authMode: "LIMITED" });
    env.fns.menuValidate!();
    const outcome = env.call<ReportOutcome>("sidebarGenerateReport");
    expect(outcome.kind).toBe("created");
    expect(env.fake.platform.unknown.size).toBe(0);
    for (const name of Object.keys(env.counter.snapshot())) expect(ruleFor(name), name).toBeDefined();
  });

  // Each scope the school asks for, taken out: a feature that needs it fails with Google's message.
  const FEATURES: Record<string, (env: GasEnvironment) => void> = {
    [SCOPE.spreadsheetsCurrentonly]: (env) => env.call("sidebarValidate"),
    [SCOPE.containerUi]: (env) => env.fns.menuOpenSidebar!(),
    [SCOPE.driveFile]: (env) => env.call("sidebarGenerateReport"),
  };
  for (const scope of manifest("school").oauthScopes) {
    it(`without ${scope.replace("https://www.googleapis.com/auth/", "")}, the features needing it fail with Google's message`, () => {
      const feature = FEATURES[scope];
      expect(feature, `a feature that needs ${scope}`).toBeDefined();
      const env = school({ scopes: manifest("school").oauthScopes.filter((s) => s !== scope) });
      let message = "";
      try {
        feature!(env);
      } catch (error) {
        message = error instanceof Error ? error.message : String(error);
      }
      const method = refusedMethod(message);
      expect(method, message).not.toBeNull();
      expect(ruleFor(method!)!.scopes).toContain(scope);
      // An Apps Script service names the scopes; a REST API (advanced service) says it in its own words.
      expect(message).toMatch(
        new RegExp(
          `Required permissions: .*${scope.replace(/\./g, "\\.")}|Request had insufficient authentication scopes`,
        ),
      );
      // The same feature with the full manifest: no refusal.
      expect(() => feature!(school())).not.toThrow();
    });
  }

  it("the message matches Google's shape exactly", () => {
    const env = school({ scopes: [] });
    try {
      inBundle(env, "return SpreadsheetApp.getActiveSpreadsheet()");
      expect.unreachable();
    } catch (error) {
      expect(String((error as Error).message)).toMatch(GOOGLE_REFUSAL);
    }
  });
});

describe("authorisation modes of simple triggers", () => {
  it("onOpen in AuthMode.NONE builds the menu and touches nothing else; reading properties there throws as in Google", () => {
    const env = school();
    env.counter.reset();
    env.fns.onOpen!({ authMode: "NONE" });
    expect(env.fake.ui._menus.length).toBeGreaterThan(0);
    expect(
      Object.keys(env.counter.snapshot()).every(
        (n) => n.startsWith("Menu.") || n.startsWith("Ui.create") || n === "SpreadsheetApp.getUi",
      ),
    ).toBe(true);
    expect(() =>
      env.fake.platform.as("NONE", () => inBundle(env, "return PropertiesService.getDocumentProperties()")),
    ).toThrow(/^Exception: You do not have permission to call PropertiesService\.getDocumentProperties\.$/);
  });

  it(
    "onEdit runs in AuthMode.LIMITED: its own file and properties " +
      "yes; Drive, documents, other spreadsheets, triggers and dialogs no",
    () => {
      const env = school();
      const limited = (code: string) => env.fake.platform.as("LIMITED", () => inBundle(env, code));
      expect(() => limited("return PropertiesService.getDocumentProperties().getProperty('x')")).not.toThrow();
      expect(() => limited("return SpreadsheetApp.getActiveSpreadsheet().getSheets().length")).not.toThrow();
      for (const [code, method] of [
        ["return SpreadsheetApp.openById('other')", "SpreadsheetApp.openById"],
        ["return DocumentApp.create('x')", "DocumentApp.create"],
        ["return Drive.Files.list({})", "Drive.Files.list"],
        ["return ScriptApp.newTrigger('f')", "ScriptApp.newTrigger"],
        ["return SpreadsheetApp.getUi().alert('x')", "Ui.alert"],
      ] as const)
        expect(() => limited(code), method).toThrow(
          new RegExp(`^Exception: You do not have permission to call ${method.replace(/\./g, "\\.")}\\.`),
        );
    },
  );

  it("the real onEdit of the sample works under those rules (live re-check after a check)", () => {
    const env = school();
    env.fns.menuValidate!();
    const ss = env.fake.spreadsheet;
    expect(() =>
      env.fns.onEdit!({ authMode: "LIMITED", range: ss._sheet("План-факт").getRange("L3"), source: ss }),
    ).not.toThrow();
    expect(env.fake.logger._lines).toEqual([]);
  });
});

describe("onEdit without waste", () => {
  it("fetches the document properties, the time zone and the edited tab's values once each", () => {
    const env = school();
    env.fns.menuValidate!();
    const ss = env.fake.spreadsheet;
    const range = ss._sheet("План-факт").getRange("L3");
    env.counter.reset();
    env.fns.onEdit!({ authMode: "LIMITED", range, source: ss });
    expect(env.counter.count("PropertiesService.getDocumentProperties")).toBe(1);
    expect(env.counter.count("Spreadsheet.getSpreadsheetTimeZone")).toBe(1);
    // One getSheetValues per tab the re-check reads; the edited tab is one of them, read once.
    expect(env.counter.count("Sheet.getSheetValues")).toBe(tabsToRead("plan").length);
    expect(env.counter.count("Sheet.getDataRange") + env.counter.count("Range.getValues")).toBe(0);
    // The change stamp: one lookup, one write.
    expect(env.counter.count("Spreadsheet.createDeveloperMetadataFinder")).toBe(1);
  });
});

describe("the change stamp the committee reads", () => {
  it("moves on every edit of a template tab, on a check and on a template update that changed something — not on other tabs", () => {
    const env = school();
    const ss = env.fake.spreadsheet;
    const stamp = () =>
      env.counter.paused(() => ss._metadata.filter((m) => m._json().key === "mip.changeStamp").map((m) => m._json()));
    expect(stamp()).toEqual([]);
    env.fns.onEdit!({ authMode: "LIMITED", range: ss._sheet("Кадры").getRange("A2"), source: ss });
    const first = stamp();
    expect(first).toHaveLength(1);
    expect(first[0]!.visibility).toBe("DOCUMENT");
    expect(Date.parse(first[0]!.value!)).not.toBeNaN();
    env.fns.onEdit!({ authMode: "LIMITED", range: ss._addSheet("Черновик").getRange("A1"), source: ss });
    expect(stamp()).toEqual(first);
    env.fns.menuValidate!();
    expect(stamp()).toHaveLength(1);
  });
});

describe("add-on trigger rules", () => {
  it(
    "one time-driven trigger per user per document, at most hourly; " +
      "getProjectTriggers sees every document's, getUserTriggers this one's",
    () => {
      // The school asks for no trigger scope at all: creating one is refused outright.
      expect(() => inBundle(school(), "ScriptApp.newTrigger('a').timeBased().everyHours(1).create()")).toThrow(
        /not sufficient to call ScriptApp\.newTrigger/,
      );
      const env = school({ scopes: [...manifest("school").oauthScopes, SCOPE.scriptapp] });
      const builder = (code: string) => inBundle(env, code);
      builder("ScriptApp.newTrigger('a').timeBased().everyHours(1).create()");
      expect(() => builder("ScriptApp.newTrigger('b').timeBased().after(60000).create()")).toThrow(ADDON_TRIGGER_LIMIT);
      expect(() => builder("ScriptApp.newTrigger('c').timeBased().everyMinutes(30)")).toThrow(HOURLY_AT_MOST);
      env.fake.scriptApp._triggers.push({
        id: "elsewhere",
        handler: "a",
        everyHours: 1,
        documentId: "another-school-sheet",
        user: env.fake.scriptApp._user,
      });
      expect(inBundle(env, "return ScriptApp.getProjectTriggers().length")).toBe(2);
      expect(inBundle(env, "return ScriptApp.getUserTriggers(SpreadsheetApp.getActiveSpreadsheet()).length")).toBe(1);
    },
  );

  it("LockService.getDocumentLock() is null outside a document", () => {
    const env = school();
    expect(inBundle(env, "return LockService.getDocumentLock() !== null")).toBe(true);
    (env.fake.spreadsheetApp as unknown as { _active: unknown })._active = null;
    expect(inBundle(env, "return LockService.getDocumentLock()")).toBeNull();
  });
});

describe("the Google Doc is the .docx the add-on uploads, converted by Drive", () => {
  it(
    "A4 portrait, margins 20 mm (left 30 mm), a PAGE field in the " +
      "footer; a draft's header says «ЧЕРНОВИК»; «Альбомная» turns the page",
    () => {
      const env = school();
      const outcome = env.call<ReportOutcome>("sidebarGenerateReport");
      if (outcome.kind !== "created") throw new Error("no report");
      const id = documentIdOf(outcome.report.url);
      const shell = env.fake.driveV3._conversions.get(id)!;
      expect(shell).toBeDefined();
      expect([Math.round(shell.pageWidthPt), Math.round(shell.pageHeightPt), shell.landscape]).toEqual([
        595,
        842,
        false,
      ]);
      expect(Object.values(shell.marginsPt).map(Math.round)).toEqual([57, 57, 85, 57]);
      expect(shell.footerFields).toEqual(["PAGE"]);
      expect(shell.headerText).toBe(outcome.report.draft ? "ЧЕРНОВИК" : "");
      expect(
        env.fake.documentApp._documents
          .get(id)!
          ._footer!._paragraphs.map((p) => p._node.text)
          .join("\n"),
      ).toBe("{PAGE}");

      const landscape = school({
        grid: withField(sampleGrid(), "Настройки", "Ориентация страниц отчёта", "Альбомная"),
      });
      const turned = landscape.call<ReportOutcome>("sidebarGenerateReport");
      if (turned.kind !== "created") throw new Error("no report");
      const turnedShell = landscape.fake.driveV3._conversions.get(documentIdOf(turned.report.url))!;
      expect([Math.round(turnedShell.pageWidthPt), turnedShell.landscape]).toEqual([842, true]);
    },
  );

  it("the upload is a real .docx: the one Blob's bytes unzip to the package parts, the body holding the whole report", async () => {
    const env = school();
    const outcome = env.call<ReportOutcome>("sidebarGenerateReport");
    if (outcome.kind !== "created") throw new Error("no report");
    const zip = await JSZip.loadAsync(env.fake.driveV3._uploads.get(documentIdOf(outcome.report.url))!);
    expect(Object.keys(zip.files).sort()).toEqual(
      [
        "[Content_Types].xml",
        "_rels/.rels",
        "word/_rels/document.xml.rels",
        "word/document.xml",
        "word/footer1.xml",
        "word/styles.xml",
        ...(outcome.report.draft ? ["word/header1.xml"] : []),
      ].sort(),
    );
    const documentXml = await zip.file("word/document.xml")!.async("string");
    const doc = env.fake.documentApp._documents.get(documentIdOf(outcome.report.url))!;
    // Every table of the Doc came in the upload; none was drawn call by call.
    const tables = doc._body._children.filter((c) => c instanceof FakeTable).length;
    expect(tables).toBeGreaterThan(5);
    expect((documentXml.match(/<w:tbl>/g) ?? []).length).toBe(tables);
    expect(env.counter.countPrefix("DocumentApp")).toBe(0);
    // Zipped in JavaScript (src/core/zip-write.ts): one Utilities.newBlob, no Utilities.zip.
    expect([env.counter.count("Utilities.newBlob"), env.counter.count("Utilities.zip")]).toEqual([1, 0]);
  });
});

// manifestScopes is the loader's reading of the pushed file: the same list the tests grant.
it("the environment grants exactly the pushed manifest's scopes", () => {
  const env = school();
  expect([...(env.fake.platform.scopes ?? [])].sort()).toEqual(manifestScopes(join(DIST, "appsscript.json")).sort());
});
