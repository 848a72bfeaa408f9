/**
 * The round trip: the built sidebar in Chromium → google.script.run → the server functions
 * → the core validator on a workbook, and back. Asserts what the user sees against what the
 * validator says about the same workbook, and what the click did to the spreadsheet.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorCell } from "../../src/core/grid.js";
import { sampleGrid, sampleReportDate } from "../../src/core/sample.js";
import { validateWorkbook } from "../../src/core/validate.js";
import { INJECTIONS } from "./fixtures.js";
import { type SidebarSession, ensureSidebarBuilt, launchSidebar, screenshotPath } from "./harness.js";
import { type TemporaryServer, createTemporaryServer, editGrid } from "./temporary-server.js";

const TODAY = sampleReportDate;
const FUNCTIONS = ["sidebarGetState", "sidebarValidate", "sidebarSelectCell", "sidebarGenerateReport"];

/** The sample project as a coordinator has it, with a formula error and a lost tab on top. */
function fixtureGrid(strict = false) {
  return editGrid(sampleGrid(), {
    kv: { Настройки: { "Не формировать отчёт при ошибках": strict ? "Да" : "Нет" } },
    cells: [{ tab: "Участники", row: 2, header: "Количество", value: errorCell("#REF!") }],
    omit: ["Публикации"],
  });
}

let session: SidebarSession;
let server: TemporaryServer;
/** Names of functions that fail once, with the error to throw. */
const failOnce = new Map<string, Error>();

async function openWith(next: TemporaryServer): Promise<void> {
  server = next;
  await session.open((name, args) => {
    const failure = failOnce.get(name);
    if (failure) {
      failOnce.delete(name);
      throw failure;
    }
    const fn = (server as unknown as Record<string, (...a: unknown[]) => unknown>)[name];
    if (typeof fn !== "function") throw new Error(`Script function not found: ${name}`);
    return fn.apply(server, args);
  });
  await session.page.waitForSelector("#app[aria-busy='false']");
}

beforeAll(async () => {
  const html = await ensureSidebarBuilt();
  session = await launchSidebar(html, FUNCTIONS);
});

afterAll(async () => {
  await session?.close();
});

describe("sidebar ⇄ server round trip", () => {
  it("lists exactly the validator's findings for the workbook, grouped by tab", async () => {
    const grid = fixtureGrid();
    await openWith(createTemporaryServer(grid, TODAY));
    const expected = validateWorkbook(grid, { today: TODAY }).issues;
    const state = createTemporaryServer(grid, TODAY).sidebarGetState();
    expect(state.organisation).not.toBe("");
    expect(expected.length).toBeGreaterThan(0);
    const page = session.page;
    expect(await page.locator("#findings .finding-message").allTextContents()).toEqual(expected.map((i) => i.message));
    expect(await page.locator("#findings .group-name").allTextContents()).toEqual([...new Set(expected.map((i) => i.sheet))]);
    await expect(page.locator("#org-name").textContent()).resolves.toBe(state.organisation);
    await expect(page.locator("#tabs button[data-tab='Публикации']").getAttribute("class")).resolves.toContain("tab-missing");
    await page.screenshot({ path: screenshotPath("sidebar-roundtrip"), fullPage: true });
  });

  it("a click on a finding selects its cell in the spreadsheet", async () => {
    await openWith(createTemporaryServer(fixtureGrid(), TODAY));
    const page = session.page;
    const withCell = page.locator("#findings .finding:not([data-cell=''])").first();
    const cell = await withCell.getAttribute("data-cell");
    const sheet = await withCell.evaluate((el) => el.closest("section")!.getAttribute("data-sheet"));
    await withCell.click();
    await expect.poll(() => server.active).toEqual({ sheet, cell });
  });

  it("filters by severity", async () => {
    await openWith(createTemporaryServer(fixtureGrid(), TODAY));
    const page = session.page;
    const errors = validateWorkbook(fixtureGrid(), { today: TODAY }).issues.filter((i) => i.severity === "error");
    await page.locator("#counts button[data-severity='error']").click();
    await expect(page.locator("#findings .finding").count()).resolves.toBe(errors.length);
  });

  it("makes a draft report and links it; a strict workbook is blocked with its errors", async () => {
    await openWith(createTemporaryServer(fixtureGrid(), TODAY));
    const page = session.page;
    await page.locator("#generate-report").click();
    await page.locator("#report a").waitFor();
    await expect(page.locator("#report a").getAttribute("href")).resolves.toMatch(/^https:\/\/docs\.google\.com\/document\/d\//);
    await expect(page.locator("#report .badge-draft").count()).resolves.toBe(1);
    expect(server.documents).toHaveLength(1);
    await expect(page.locator("#report .report-name").textContent()).resolves.toBe(server.documents[0]);

    await openWith(createTemporaryServer(fixtureGrid(true), TODAY));
    await page.locator("#generate-report").click();
    await page.locator("#report.report-blocked").waitFor();
    expect(server.documents).toEqual([]);
  });

  it("recovers from a failed server call with «Повторить»", async () => {
    failOnce.set("sidebarValidate", new Error("Service invoked too many times in a short time: exec. Try Utilities.sleep(1000) between calls."));
    await openWith(createTemporaryServer(fixtureGrid(), TODAY));
    const page = session.page;
    await page.locator("#validate").click();
    await page.locator("#failure:not([hidden])").waitFor();
    await expect(page.locator("#failure .failure-text").textContent()).resolves.toContain("превышен лимит");
    await page.locator("#retry").click();
    await page.locator("#failure[hidden]").waitFor({ state: "attached" });
    expect(session.calls.map((c) => c.name)).toEqual(["sidebarGetState", "sidebarValidate", "sidebarValidate"]);
  });

  it("shows hostile cell values from the workbook as text and runs nothing", async () => {
    const grid = editGrid(sampleGrid(), {
      kv: { "Общие сведения": { "Сокращённое наименование": INJECTIONS.img, "Вид отчёта": INJECTIONS.script, Сайт: INJECTIONS.link } },
      cells: [
        { tab: "План-факт", row: 2, header: "Статус", value: INJECTIONS.img },
        { tab: "План-факт", row: 3, header: "Мероприятие (план)", value: INJECTIONS.svg },
        { tab: "Организации", row: 2, header: "Организация", value: INJECTIONS.script },
      ],
    });
    await openWith(createTemporaryServer(grid, TODAY));
    const page = session.page;
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    await expect(page.locator("#app img, #app script, #app [onerror], #app [onload]").count()).resolves.toBe(0);
    await expect(page.locator("#org-name").textContent()).resolves.toBe(INJECTIONS.img);
    // The validator quotes the bad status in its message; the sidebar shows the quote as text.
    await expect(page.locator("#findings").textContent()).resolves.toContain(INJECTIONS.img);
    expect(session.pageErrors).toEqual([]);
    expect(session.protocolViolations).toEqual([]);
  });
});
