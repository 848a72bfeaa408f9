/**
 * The round trip: the BUILT sidebar in Chromium → google.script.run → the BUILT server
 * (dist/Code.js in node:vm on the in-memory Apps Script fake, test/gas/load-bundle.ts) →
 * the core validator on the sample workbook, and back. Asserts what the user sees against
 * what the validator says about the same workbook, and what a click did to the spreadsheet.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SidebarState } from "../../src/api.js";
import { type WorkbookGrid, errorCell } from "../../src/core/grid.js";
import { sampleGrid, sampleReportDate } from "../../src/demo/sample.js";
import { validateWorkbook } from "../../src/core/validate.js";
import { type GasEnvironment, createGasEnvironment } from "../gas/load-bundle.js";
import { INJECTIONS, editGrid } from "./fixtures.js";
import { type SidebarSession, ensureSidebarBuilt, launchSidebar, screenshotPath } from "./harness.js";
import { wholePercent } from "../../src/core/percent.js";

const TODAY = sampleReportDate;

/** The sample project as a coordinator has it, with a formula error and a lost tab on top. */
function fixtureGrid(strict = false): WorkbookGrid {
  return editGrid(sampleGrid(), {
    kv: { Настройки: { "Не формировать отчёт при ошибках": strict ? "Да" : "Нет" } },
    cells: [{ tab: "Участники", row: 2, header: "Количество", value: errorCell("#REF!") }],
    omit: ["Публикации"],
  });
}

let session: SidebarSession;
let env: GasEnvironment;
/** Server functions that fail once, with the error Apps Script would report. */
const failOnce = new Map<string, Error>();

async function openWith(grid: WorkbookGrid, options: { pollMs?: number } = {}): Promise<void> {
  env = createGasEnvironment({ grid, now: TODAY });
  await session.open((name, args) => {
    const failure = failOnce.get(name);
    if (failure) {
      failOnce.delete(name);
      throw failure;
    }
    const fn = env.fns[name];
    if (!fn) throw new Error(`Script function not found: ${name}`);
    return fn(...args);
  }, options);
  await session.page.waitForSelector("#app[aria-busy='false']");
}

function activeRange(): { sheet: string; cell: string } | null {
  const range = env.fake.spreadsheet._activeRange;
  return range ? { sheet: range._sheet._name, cell: range.getA1Notation() } : null;
}

/** The Google Docs the add-on made (each has its PDF beside it: createdPdfs). */
function createdDocuments(): string[] {
  return [...env.fake.drive._files.values()]
    .filter((f) => f.appCreated && f.mimeType === "application/vnd.google-apps.document")
    .map((f) => f.name);
}

function createdPdfs(): { id: string; name: string }[] {
  return [...env.fake.drive._files.values()]
    .filter((f) => f.appCreated && f.mimeType === "application/pdf")
    .map((f) => ({ id: f.id, name: f.name }));
}

beforeAll(async () => {
  const html = await ensureSidebarBuilt();
  // google.script.run exposes exactly the bundle's top-level functions, as in Apps Script.
  const names = createGasEnvironment({ grid: sampleGrid(), now: TODAY }).names;
  session = await launchSidebar(html, names);
});

afterAll(async () => {
  await session?.close();
});

describe("sidebar ⇄ Apps Script bundle round trip", () => {
  it("lists exactly the validator's findings for the workbook, grouped by tab", async () => {
    const grid = fixtureGrid();
    await openWith(grid);
    const expected = validateWorkbook(grid, { today: TODAY }).issues;
    expect(expected.some((i) => i.rule === "TPL_SHEET_MISSING")).toBe(true);
    expect(expected.some((i) => i.rule === "TPL_CELL_ERROR")).toBe(true);
    const page = session.page;
    expect(await page.locator("#findings .finding-message").allTextContents()).toEqual(expected.map((i) => i.message));
    expect(await page.locator("#findings .group-name").allTextContents()).toEqual([
      ...new Set(expected.map((i) => i.sheet)),
    ]);
    const state = env.call<SidebarState>("sidebarGetState");
    await expect(page.locator("#org-name").textContent()).resolves.toBe(state.organisation);
    expect(state.organisation).not.toBe("");
    await expect(page.locator("#tabs button[data-tab='Публикации']").getAttribute("class")).resolves.toContain(
      "tab-missing",
    );
    await page.screenshot({ path: screenshotPath("sidebar-roundtrip"), fullPage: true });
    await page.screenshot({ path: screenshotPath("sidebar-roundtrip-main") });
  });

  it("shows the sample project's counts and bars as the validator computes them, then its draft report", async () => {
    const grid = sampleGrid();
    await openWith(grid);
    const { summary, metrics } = validateWorkbook(grid, { today: TODAY });
    const page = session.page;
    const chips = await page.locator("#counts button").allTextContents();
    expect(chips[0]).toMatch(summary.errors === 0 ? /^Ошибок нет$/ : new RegExp(`^${summary.errors} ошиб`));
    expect(chips[1]).toMatch(
      summary.warnings === 0 ? /^Предупреждений нет$/ : new RegExp(`^${summary.warnings} предупрежд`),
    );
    await expect(page.locator("#completeness [role=progressbar]").getAttribute("aria-valuenow")).resolves.toBe(
      String(wholePercent(summary.completeness)),
    );
    await expect(page.locator("#plan-execution [role=progressbar]").getAttribute("aria-valuenow")).resolves.toBe(
      metrics.planExecution === null ? null : String(wholePercent(metrics.planExecution)),
    );
    await page.locator("#generate-report").click();
    await page.locator("#report a").first().waitFor();
    await page.screenshot({ path: screenshotPath("sidebar-sample-report"), fullPage: true });
  });

  it("a click on a finding selects its cell in the spreadsheet; a tab opens the tab", async () => {
    await openWith(fixtureGrid());
    const page = session.page;
    const withCell = page.locator("#findings .finding:not([data-cell=''])").first();
    const cell = await withCell.getAttribute("data-cell");
    const sheet = await withCell.evaluate((el) => el.closest("section")!.getAttribute("data-sheet"));
    await withCell.click();
    await expect.poll(activeRange).toEqual({ sheet, cell });
    await page.locator("#tabs button[data-tab='Кадры']").click();
    await expect.poll(() => env.fake.spreadsheet._activeSheet?._name).toBe("Кадры");
    // A missing tab cannot be opened: the server's Russian explanation is shown once, as is.
    await page.locator("#tabs button[data-tab='Публикации']").click();
    await page.locator("#failure:not([hidden])").waitFor();
    const text = await page.locator("#failure .failure-text").textContent();
    expect(text).toContain("«Публикации»");
    expect(text).toContain("Создать / обновить шаблон");
    expect(text!.match(/Не удалось/g) ?? []).toHaveLength(1);
  });

  it("takes a coordinator from the sample's findings to a final report: each click leads to the cell to fix", async () => {
    await openWith(sampleGrid(), { pollMs: 200 });
    const page = session.page;
    const ss = env.fake.spreadsheet;
    const settings = ss.getSheetByName("Настройки")!;
    const limitRow =
      settings
        .getDataRange()
        .getValues()
        .findIndex((row) => String(row[0]).startsWith("Максимум наставляемых")) + 1;
    expect(limitRow).toBeGreaterThan(1);
    /** What a coordinator types after reading the finding (the message says what to do). */
    const fixes: Record<string, (message: string) => { sheet?: string; cell?: string; value: string | number }> = {
      MENT_DECLARED_MISMATCH: (m) => ({ value: Number(/наставляемых (\d+)/.exec(m)![1]) }),
      PLAN_DEVIATION_ACTION_MISSING: () => ({ value: "Выезды перенесены на апрель, график согласован приказом" }),
      // «…или измените предел в «Настройках»»: the load of this network is agreed at 7.
      MENT_LOAD_EXCEEDED: () => ({ sheet: "Настройки", cell: `B${limitRow}`, value: 7 }),
      MENT_ORG_UNKNOWN: (m) => ({ value: /имелась в виду «(.+)»\. Исправьте/.exec(m)![1]! }),
    };
    const findings = page.locator("#findings .finding");
    const total = await findings.count();
    expect(total).toBe(4);
    for (let fixed = 0; fixed < total; fixed++) {
      const finding = findings.first();
      const rule = (await finding.getAttribute("data-rule"))!;
      const cell = (await finding.getAttribute("data-cell"))!;
      const sheet = (await finding.evaluate((el) => el.closest("section")!.getAttribute("data-sheet")))!;
      const message = (await finding.locator(".finding-message").textContent())!;
      await finding.click();
      await expect.poll(activeRange).toEqual({ sheet, cell });
      const fix = fixes[rule]!(message);
      const target = ss.getSheetByName(fix.sheet ?? sheet)!.getRange(fix.cell ?? cell);
      target.setValue(fix.value);
      env.fns.onEdit!({ authMode: "LIMITED", range: target, source: ss });
      // The panel notices the edit by itself and drops the finding.
      await expect.poll(() => findings.count(), { timeout: 15_000 }).toBe(total - fixed - 1);
    }
    await page.locator("#validate").click();
    await page.locator("#no-findings").waitFor();
    await expect(page.locator("#counts").textContent()).resolves.toContain("Ошибок нет");
    await page.locator("#generate-report").click();
    await page.locator("#report a").first().waitFor();
    await expect(page.locator("#report .report-title").textContent()).resolves.toBe("Отчёт сформирован");
    await expect(page.locator("#report .badge-draft").count()).resolves.toBe(0);
    expect(createdDocuments()).toHaveLength(1);
    expect(createdDocuments()[0]).not.toMatch(/ЧЕРНОВИК/i);
  });

  it("filters by severity", async () => {
    await openWith(fixtureGrid());
    const page = session.page;
    const { issues } = validateWorkbook(fixtureGrid(), { today: TODAY });
    for (const severity of ["error", "warning"] as const) {
      await page.locator(`#counts button[data-severity='${severity}']`).click();
      await expect(page.locator("#findings .finding").count()).resolves.toBe(
        issues.filter((i) => i.severity === severity).length,
      );
      await page.locator(`#counts button[data-severity='${severity}']`).click();
    }
    await expect(page.locator("#findings .finding").count()).resolves.toBe(issues.length);
  });

  it("refreshes by itself after an edit in the sheet (onEdit moves the stamp the panel polls)", async () => {
    await openWith(sampleGrid(), { pollMs: 200 });
    const page = session.page;
    const before = validateWorkbook(sampleGrid(), { today: TODAY }).issues;
    const fixed = before.find((i) => i.rule === "PLAN_DEVIATION_ACTION_MISSING" && i.cell)!;
    expect(fixed).toBeDefined();
    await expect(page.locator("#findings .finding-message").allTextContents()).resolves.toContain(fixed.message);
    // Nothing was edited: polling asks, but never re-validates.
    await expect.poll(() => session.calls.filter((c) => c.name === "sidebarEditStamp").length).toBeGreaterThan(1);
    expect(session.calls.filter((c) => c.name === "sidebarGetState")).toHaveLength(1);

    const ss = env.fake.spreadsheet;
    const plan = ss.getSheetByName("План-факт")!;
    plan.getRange(fixed.cell!).setValue("Выезды перенесены на апрель, график согласован");
    env.fns.onEdit!({ authMode: "LIMITED", range: plan.getRange(fixed.cell!), source: ss });
    await expect
      .poll(() => page.locator("#findings .finding-message").allTextContents(), { timeout: 15_000 })
      .not.toContain(fixed.message);
    await expect(page.locator("#status").textContent()).resolves.toMatch(/Таблица изменилась/);
    expect(await page.locator("#findings .finding").count()).toBe(before.length - 1);
  });

  it("makes a draft report in Drive and links it; a strict workbook is blocked with its errors", async () => {
    await openWith(fixtureGrid());
    const page = session.page;
    await page.locator("#generate-report").click();
    await page.locator("#report a").first().waitFor();
    const href = await page.locator("#report a").first().getAttribute("href");
    expect(href).toMatch(/^https:\/\/docs\.google\.com\//);
    await expect(page.locator("#report .badge-draft").count()).resolves.toBe(1);
    expect(createdDocuments()).toHaveLength(1);
    await expect(page.locator("#report .report-name").textContent()).resolves.toBe(createdDocuments()[0]);
    // Its PDF, exported by Drive into the same folder, is linked beside it.
    expect(createdPdfs().map((p) => p.name)).toEqual([`${createdDocuments()[0]}.pdf`]);
    const pdfHref = await page.locator("#report .report-pdf a").getAttribute("href");
    expect(pdfHref).toBe(`https://drive.google.com/file/d/${createdPdfs()[0]!.id}/view?usp=drivesdk`);
    // The new report heads «Прежние отчёты» with both links.
    await expect(page.locator("#history li").count()).resolves.toBe(1);
    await expect(
      page.locator("#history li a").evaluateAll((links) => links.map((a) => a.getAttribute("href"))),
    ).resolves.toEqual([href, pdfHref]);
    // The link is stored in the workbook: a fresh panel shows it as the last report, and in the list.
    await session.page.reload();
    await session.page.waitForSelector("#app[aria-busy='false']");
    await expect(page.locator("#report a").first().getAttribute("href")).resolves.toBe(href);
    await expect(page.locator("#report").textContent()).resolves.toContain("Последний отчёт (черновик)");
    await page.locator("#history li").waitFor();
    await expect(page.locator("#history li .history-head").textContent()).resolves.toBe(
      `${TODAY.split("-").reverse().join(".")} · Промежуточный · Черновик`,
    );
    await expect(
      page.locator("#history li a").evaluateAll((links) => links.map((a) => a.getAttribute("href"))),
    ).resolves.toEqual([href, pdfHref]);

    await openWith(fixtureGrid(true));
    await page.locator("#generate-report").click();
    await page.locator("#report.report-blocked").waitFor();
    expect(createdDocuments()).toEqual([]);
    await page.locator("#report .finding").first().click();
    await expect.poll(activeRange).not.toBeNull();
    await page.screenshot({ path: screenshotPath("sidebar-roundtrip-blocked") });
  });

  it("recovers from a failed server call with «Повторить»", async () => {
    failOnce.set(
      "sidebarValidate",
      new Error("Service invoked too many times in a short time: exec. Try Utilities.sleep(1000) between calls."),
    );
    await openWith(fixtureGrid());
    const page = session.page;
    await page.locator("#validate").click();
    await page.locator("#failure:not([hidden])").waitFor();
    await expect(page.locator("#failure .failure-text").textContent()).resolves.toContain("превышен лимит");
    await page.locator("#retry").click();
    await page.locator("#failure[hidden]").waitFor({ state: "attached" });
    // The retried call runs with the buttons disabled; it ends with a fresh result, enabled again.
    await page.locator("#app[aria-busy='false']").waitFor();
    await expect.poll(() => page.locator("#status").textContent()).toMatch(/Проверка завершена/);
    await expect(page.locator("#validate").isEnabled()).resolves.toBe(true);
    await expect(page.locator("#failure").isHidden()).resolves.toBe(true);
    expect(session.calls.map((c) => c.name)).toEqual([
      "sidebarGetState",
      "sidebarReportHistory",
      "sidebarValidate",
      "sidebarValidate",
    ]);
  });

  it("shows hostile cell values from the workbook as text and runs nothing", async () => {
    const grid = editGrid(sampleGrid(), {
      kv: {
        "Общие сведения": {
          "Сокращённое наименование": INJECTIONS.img,
          "Вид отчёта": INJECTIONS.script,
          Сайт: INJECTIONS.link,
        },
      },
      cells: [
        { tab: "План-факт", row: 2, header: "Статус", value: INJECTIONS.img },
        { tab: "План-факт", row: 3, header: "Мероприятие (план)", value: INJECTIONS.svg },
        { tab: "Организации", row: 2, header: "Организация", value: INJECTIONS.script },
      ],
    });
    await openWith(grid);
    const page = session.page;
    await page.locator("#generate-report").click();
    await page.locator("#report.report-created, #report.report-blocked").waitFor();
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    await expect(page.locator("#app img, #app script, #app [onerror], #app [onload]").count()).resolves.toBe(0);
    await expect(page.locator("#org-name").textContent()).resolves.toBe(INJECTIONS.img);
    // The validator quotes the bad status in its message; the sidebar shows the quote as text.
    await expect(page.locator("#findings").textContent()).resolves.toContain(INJECTIONS.img);
    expect(session.pageErrors).toEqual([]);
    expect(session.protocolViolations).toEqual([]);
    expect(session.remoteRequests).toEqual([]);
  });
});
