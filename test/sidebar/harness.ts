/**
 * Browser harness for the sidebar: real headless Chromium loads the BUILT dist/Sidebar.html
 * from a googleusercontent-like origin, with a google.script.run that behaves like the real
 * one (chained handlers, asynchronous, JSON-only values) and forwards every call to a
 * server function running in Node.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { type Browser, type BrowserContext, type Page, chromium } from "playwright-core";
import { requireCommand } from "../helpers/system-tools.js";

export const ROOT = join(import.meta.dirname, "..", "..");
export const SIDEBAR_HTML = join(ROOT, "dist", "Sidebar.html");
export const OUTPUT_DIR = join(ROOT, "test-output");
export const SIDEBAR_URL = "https://n-mipsidebar-0lu-script.googleusercontent.com/userCodeAppPanel";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Builds dist/Sidebar.html when it is missing or older than its sources (a test run without `npm run build`). */
export async function ensureSidebarBuilt(): Promise<string> {
  const { buildSidebar } = (await import(join(ROOT, "scripts", "build-sidebar.mjs"))) as {
    buildSidebar(root: string, dist: string): Promise<{ bytes: number }>;
  };
  const sources = readdirSync(join(ROOT, "sidebar")).map((name) => join(ROOT, "sidebar", name));
  const newest = Math.max(
    ...[...sources, join(ROOT, "scripts", "build-sidebar.mjs")].map((file) => statSync(file).mtimeMs),
  );
  if (!existsSync(SIDEBAR_HTML) || statSync(SIDEBAR_HTML).mtimeMs < newest) {
    mkdirSync(join(ROOT, "dist"), { recursive: true });
    await buildSidebar(ROOT, join(ROOT, "dist"));
  }
  return readFileSync(SIDEBAR_HTML, "utf8");
}

export type ServerHandler = (name: string, args: unknown[]) => unknown;

export interface ServerCall {
  name: string;
  args: unknown[];
}

/** Where a value breaks google.script.run's rules (Date, function, NaN, class instance…), or null. */
export function nonJsonPath(value: unknown, path = "value"): string | null {
  if (value === null || typeof value === "string" || typeof value === "boolean") return null;
  if (typeof value === "number") return Number.isFinite(value) ? null : `${path} is ${value}`;
  if (value === undefined) return null;
  if (typeof value !== "object") return `${path} is a ${typeof value}`;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const bad = value[i] === undefined ? `${path}[${i}] is undefined` : nonJsonPath(value[i], `${path}[${i}]`);
      if (bad) return bad;
    }
    return null;
  }
  // Plain objects only; the server runs in a node:vm realm, so compare by tag and constructor name, not identity.
  const proto = Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null;
  const plain =
    Object.prototype.toString.call(value) === "[object Object]" &&
    (proto === null || Object.getPrototypeOf(proto) === null);
  if (!plain) return `${path} is a ${proto?.constructor?.name ?? "non-plain object"}`;
  for (const [key, item] of Object.entries(value)) {
    const bad = nonJsonPath(item, `${path}.${key}`);
    if (bad) return bad;
  }
  return null;
}

/** The page side of google.script.run; plain JS so no compiler helper leaks into the page. */
const GOOGLE_SCRIPT_STUB = String.raw`
(() => {
  const functions = __FUNCTIONS__;
  const isPlainJson = (value) => {
    if (value === null || typeof value === "string" || typeof value === "boolean") return true;
    if (typeof value === "number") return Number.isFinite(value);
    if (value === undefined) return true;
    if (typeof value !== "object") return false;
    if (Array.isArray(value)) return value.every((v) => v !== undefined && isPlainJson(v));
    const proto = Object.getPrototypeOf(value);
    return (proto === Object.prototype || proto === null) && Object.values(value).every(isPlainJson);
  };
  const makeRunner = (success, failure, userObject) => {
    const runner = {
      withSuccessHandler: (handler) => makeRunner(handler, failure, userObject),
      withFailureHandler: (handler) => makeRunner(success, handler, userObject),
      withUserObject: (object) => makeRunner(success, failure, object),
    };
    for (const name of functions) {
      runner[name] = function () {
        const args = Array.prototype.slice.call(arguments);
        if (!isPlainJson(args)) throw new TypeError("Failed due to illegal value in property: " + name);
        const payload = JSON.stringify(args);
        // The real runner answers asynchronously, never inside the call.
        setTimeout(() => {
          window.__mipServer(name, payload).then((answerText) => {
            const answer = JSON.parse(answerText);
            if (answer.ok) {
              if (success) success(answer.value === undefined ? undefined : answer.value, userObject);
            } else {
              const error = new Error(answer.message);
              error.name = "ScriptError";
              if (failure) failure(error, userObject);
            }
          });
        }, 0);
      };
    }
    return Object.freeze(runner);
  };
  window.google = { script: { run: makeRunner(null, null, undefined) } };
})();
`;

export interface SidebarSession {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  calls: ServerCall[];
  /** Requests the page tried to make to anything but the sidebar itself. */
  remoteRequests: string[];
  /** Values that would not survive google.script.run (Date, function…). */
  protocolViolations: string[];
  pageErrors: string[];
  consoleErrors: string[];
  /** Load the sidebar afresh with this server behind google.script.run. */
  open(server: ServerHandler, options?: { timeoutMs?: number; pollMs?: number }): Promise<void>;
  close(): Promise<void>;
}

export async function launchSidebar(
  html: string,
  functions: readonly string[],
  viewport = { width: 300, height: 900 },
): Promise<SidebarSession> {
  const browser = await chromium.launch({
    executablePath: requireCommand("chromium", "chromium-browser"),
    args: CHROMIUM_ARGS,
  });
  const context = await browser.newContext({
    viewport,
    deviceScaleFactor: 2,
    locale: "ru-RU",
    timezoneId: "Europe/Moscow",
  });
  const session: SidebarSession = {
    browser,
    context,
    page: undefined as unknown as Page,
    calls: [],
    remoteRequests: [],
    protocolViolations: [],
    pageErrors: [],
    consoleErrors: [],
    async open(server, options = {}) {
      currentServer = server;
      session.calls.length = 0;
      timeoutOverride = options.timeoutMs ?? null;
      // Edit polling is off unless a test asks for it, so call logs stay exact.
      pollMs = options.pollMs ?? 0;
      await session.page.goto(SIDEBAR_URL);
    },
    async close() {
      await browser.close();
    },
  };
  let currentServer: ServerHandler = () => {
    throw new Error("no server");
  };
  let timeoutOverride: number | null = null;
  let pollMs = 0;

  await context.exposeBinding("__mipServer", async (_source, name: string, payload: string) => {
    const args = JSON.parse(payload) as unknown[];
    session.calls.push({ name, args });
    try {
      const value = await currentServer(name, args);
      const bad = nonJsonPath(value);
      if (bad) {
        session.protocolViolations.push(`${name}: ${bad}`);
        return JSON.stringify({ ok: false, message: `Illegal return value: ${bad}` });
      }
      return JSON.stringify({ ok: true, value });
    } catch (error) {
      return JSON.stringify({ ok: false, message: error instanceof Error ? error.message : String(error) });
    }
  });
  await context.addInitScript({ content: GOOGLE_SCRIPT_STUB.replace("__FUNCTIONS__", JSON.stringify(functions)) });
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (url === SIDEBAR_URL) {
      const hooks = `<script>window.mipSidebarPollMs=${pollMs};${timeoutOverride === null ? "" : `window.mipSidebarTimeoutMs=${timeoutOverride};`}</script>`;
      await route.fulfill({
        status: 200,
        contentType: "text/html; charset=utf-8",
        body: html.replace("<head>", `<head>${hooks}`),
      });
    } else {
      session.remoteRequests.push(url);
      await route.abort();
    }
  });
  session.page = await context.newPage();
  session.page.on("pageerror", (error) => session.pageErrors.push(error.message));
  session.page.on("console", (message) => {
    if (message.type() === "error") session.consoleErrors.push(message.text());
  });
  return session;
}

export function screenshotPath(name: string): string {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  return join(OUTPUT_DIR, `${name}.png`);
}

/** Resolves when `release()` is called: lets a test hold a server call «in flight». */
export function gate(): { wait: Promise<void>; release(): void } {
  let release = () => undefined as void;
  const wait = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { wait, release };
}

/** Text in the page whose contrast with its background is below WCAG AA (4.5:1, 3:1 for large text). */
export async function lowContrastTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const parse = (color: string): [number, number, number, number] => {
      const m = /rgba?\(([^)]+)\)/.exec(color);
      if (!m) return [0, 0, 0, 1];
      const parts = m[1]!
        .split(/[,\s/]+/)
        .filter(Boolean)
        .map(Number);
      return [parts[0]!, parts[1]!, parts[2]!, parts[3] ?? 1];
    };
    const luminance = ([r, g, b]: number[]) => {
      const lin = (c: number) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
    };
    const background = (element: Element | null): number[] => {
      for (let e = element; e; e = e.parentElement) {
        const [r, g, b, a] = parse(getComputedStyle(e).backgroundColor);
        if (a > 0.5) return [r, g, b];
      }
      return [255, 255, 255];
    };
    const offenders: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      if (!element || !node.textContent?.trim()) continue;
      if (element.closest("[disabled], .sr-only, [hidden]") || element.getClientRects().length === 0) continue;
      const style = getComputedStyle(element);
      const fg = parse(style.color);
      const bg = background(element);
      const [l1, l2] = [luminance(fg), luminance(bg)].sort((a, b) => b - a) as [number, number];
      const ratio = (l1 + 0.05) / (l2 + 0.05);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5)) offenders.push(`${node.textContent.trim().slice(0, 40)} (${ratio.toFixed(2)}:1)`);
    }
    return offenders;
  });
}
