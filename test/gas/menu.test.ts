import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SERVER_FUNCTIONS } from "../../src/sidebar-calls.js";
import { MENU_ITEMS } from "../../src/gas/menu.js";
import { type BuiltMenu, type MenuItem } from "./fake/index.js";
import { BUNDLE, DIST, createGasEnvironment } from "./load-bundle.js";

const items = (menu: BuiltMenu): MenuItem[] => menu.entries.filter((e): e is MenuItem => "caption" in e);

describe("bundle entry points", () => {
  it("declares a real top-level function for every export of src/gas/main.ts", () => {
    const env = createGasEnvironment();
    const code = readFileSync(BUNDLE, "utf8");
    const menuHandlers = MENU_ITEMS.flatMap((item) => (item ? [item.handler] : []));
    const required = ["onOpen", "onInstall", "onEdit", ...SERVER_FUNCTIONS, ...menuHandlers];
    expect(required).toContain("sidebarEditStamp");
    for (const name of required) {
      expect(code).toMatch(new RegExp(`^function ${name}\\(`, "m"));
      expect(typeof env.fns[name]).toBe("function");
    }
    // Every menu item's handler exists as a top-level function.
    env.fns.onOpen!({ authMode: "FULL" });
    const handlers = env.fake.ui._menus.flatMap((m) => collectHandlers(m));
    for (const handler of handlers) expect(env.names).toContain(handler);
  });

  it("ships the manifest with V8, Moscow time and explicit least-privilege scopes, and no external requests", () => {
    const manifest = JSON.parse(readFileSync(`${DIST}/appsscript.json`, "utf8"));
    expect(manifest.runtimeVersion).toBe("V8");
    expect(manifest.timeZone).toBe("Europe/Moscow");
    expect(manifest.oauthScopes).toEqual(
      expect.arrayContaining([
        "https://www.googleapis.com/auth/spreadsheets.currentonly",
        "https://www.googleapis.com/auth/drive.file",
        "https://www.googleapis.com/auth/script.container.ui",
      ]),
    );
    for (const scope of manifest.oauthScopes as string[]) {
      expect(scope).not.toMatch(
        /\/auth\/drive$|\/auth\/spreadsheets$|\/auth\/documents|script\.external_request|mail|gmail/,
      );
    }
    expect(manifest.urlFetchWhitelist).toBeUndefined();
    expect(readFileSync(BUNDLE, "utf8")).not.toMatch(/UrlFetchApp/);
  });
});

function collectHandlers(menu: BuiltMenu): string[] {
  return menu.entries.flatMap((e) =>
    "functionName" in e ? [e.functionName] : "submenu" in e ? collectHandlers(e.submenu) : [],
  );
}

describe("the «МИП» menu", () => {
  const expected = [
    "Открыть панель",
    "Проверить таблицу",
    "Сформировать отчёт",
    "Создать / обновить шаблон",
    "Убрать подсветку",
    "Справка",
  ];

  it("is an add-on menu with the six items in order", () => {
    const env = createGasEnvironment();
    env.fns.onOpen!({ authMode: "LIMITED" });
    const menu = env.fake.ui._menus.find((m) => m.caption === "addon");
    expect(menu).toBeDefined();
    expect(
      items(menu!)
        .slice(0, 6)
        .map((i) => i.caption),
    ).toEqual(expected);
  });

  it("is built in AuthMode.NONE without touching properties, ranges or Drive", () => {
    const env = createGasEnvironment();
    env.counter.reset();
    env.fns.onOpen!({ authMode: "NONE" });
    expect(
      items(env.fake.ui._menus[0]!)
        .slice(0, 6)
        .map((i) => i.caption),
    ).toEqual(expected);
    const touched = Object.keys(env.counter.snapshot()).filter(
      (name) => !/^(SpreadsheetApp\.getUi|Ui\.|Menu\.)/.test(name),
    );
    expect(touched).toEqual([]);
  });

  it("onInstall builds the same menu as onOpen", () => {
    const env = createGasEnvironment();
    env.fns.onInstall!({ authMode: "FULL" });
    expect(
      items(env.fake.ui._menus[0]!)
        .slice(0, 6)
        .map((i) => i.caption),
    ).toEqual(expected);
  });

  it("«Справка» explains the workflow in Russian", () => {
    const env = createGasEnvironment();
    env.fns.menuHelp!();
    expect(env.fake.ui._alerts[0]!.prompt).toMatch(/Создать \/ обновить шаблон/);
    expect(env.fake.ui._alerts[0]!.prompt).toMatch(/Убрать подсветку/);
  });

  it("«Открыть панель» shows the built Sidebar.html", () => {
    const env = createGasEnvironment();
    env.fns.menuOpenSidebar!();
    expect(env.fake.ui._alerts).toEqual([]);
    expect(env.fake.ui._sidebar?.getTitle()).toBe("МИП-отчёт");
    expect(env.fake.ui._sidebar?.getContent()).toBe(readFileSync(`${DIST}/Sidebar.html`, "utf8"));
  });
});
