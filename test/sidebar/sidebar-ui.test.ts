/**
 * The sidebar in real headless Chromium against a scripted server: every state the user can
 * meet (loading, findings, filters, report running / created / draft / blocked, failures and
 * retry, time-out, hostile cell values), keyboard use and the 300 px width.
 */
import { statSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReportOutcome, ReportRecord, SidebarState } from "../../src/api.js";
import { SERVER_FUNCTIONS } from "../../src/sidebar-calls.js";
import { INJECTIONS, SAMPLE_ISSUES, createdOutcome, issue, sidebarState, tabsFor } from "./fixtures.js";
import {
  type SidebarSession,
  SIDEBAR_HTML,
  ensureSidebarBuilt,
  gate,
  launchSidebar,
  lowContrastTexts,
  screenshotPath,
} from "./harness.js";

/** A scripted server: each function's behaviour can be replaced per test. */
interface Script {
  state: () => SidebarState | Promise<SidebarState>;
  validate: () => SidebarState | Promise<SidebarState>;
  report: () => ReportOutcome | Promise<ReportOutcome>;
  select: (sheet: string, cell: string | null) => void;
  history: () => ReportRecord[] | Promise<ReportRecord[]>;
}

function scripted(overrides: Partial<Script> = {}): Script {
  return {
    state: () => sidebarState(),
    validate: () => sidebarState(),
    report: () => createdOutcome(false),
    select: () => undefined,
    history: () => [],
    ...overrides,
  };
}

let session: SidebarSession;
let html: string;

async function open(script: Script, options: { timeoutMs?: number } = {}): Promise<void> {
  await session.open(async (name, args) => {
    switch (name) {
      case "sidebarGetState":
        return script.state();
      case "sidebarValidate":
        return script.validate();
      case "sidebarGenerateReport":
        return script.report();
      case "sidebarSelectCell":
        return script.select(args[0] as string, args[1] as string | null);
      case "sidebarEditStamp":
        return "";
      case "sidebarReportHistory":
        return script.history();
      default:
        throw new Error(`unexpected ${name}`);
    }
  }, options);
  await session.page.waitForSelector("#app[aria-busy='false']");
}

beforeAll(async () => {
  html = await ensureSidebarBuilt();
  session = await launchSidebar(html, SERVER_FUNCTIONS);
});

afterAll(async () => {
  await session?.close();
});

describe("sidebar UI (scripted server)", () => {
  it("is one self-contained HTML file under 100 KB with no remote resources", async () => {
    expect(statSync(SIDEBAR_HTML).size).toBeLessThan(100 * 1024);
    expect(html).not.toMatch(/<(script|link)[^>]+(src|href)=/i);
    expect(html).not.toMatch(/fonts\.googleapis|@import|url\(\s*["']?https?:/i);
    expect(html).toContain('<html lang="ru">');
    await open(scripted());
    expect(session.remoteRequests).toEqual([]);
  });

  it("enforces a Content-Security-Policy that forbids inline code once started", async () => {
    await open(scripted());
    const page = session.page;
    await expect(page.locator("meta[http-equiv='Content-Security-Policy']").getAttribute("content")).resolves.toMatch(
      /script-src 'self' [^;]*; .*object-src 'none'; base-uri 'none'; form-action 'none'/,
    );
    // Simulate a rendering bug that let markup through: the policy must still stop it.
    const outcome = await page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener("securitypolicyviolation", (e) => violations.push(e.effectiveDirective));
      const holder = document.createElement("div");
      holder.innerHTML = '<img src="https://evil.example/x.png" onerror="window.__cspBypass=1">';
      document.body.appendChild(holder);
      await new Promise((resolve) => setTimeout(resolve, 300));
      return { violations, bypass: (window as unknown as { __cspBypass?: number }).__cspBypass };
    });
    expect(outcome.bypass).toBeUndefined();
    expect(outcome.violations).toContain("img-src");
    expect(outcome.violations).toContain("script-src-attr");
    expect(session.remoteRequests).toEqual([]);
  });

  it("shows the organisation, the report, counts with Russian plurals and the two bars", async () => {
    await open(scripted());
    const page = session.page;
    await expect(page.locator("#org-name").textContent()).resolves.toBe(
      "МОУ ДО «Центр развития образования» Озёрского района",
    );
    await expect(page.locator("#report-kind").textContent()).resolves.toBe("Промежуточный отчёт за 2022");
    const chips = await page.locator("#counts button").allTextContents();
    expect(chips).toEqual(["2 ошибки", "4 предупреждения", "2 замечания"]);
    await expect(page.locator("#completeness [role=progressbar]").getAttribute("aria-valuenow")).resolves.toBe("87");
    await expect(page.locator("#completeness").textContent()).resolves.toContain("87 %");
    await expect(page.locator("#plan-execution [role=progressbar]").getAttribute("aria-valuenow")).resolves.toBe("75");
    await expect(page.locator("#checked-at").textContent()).resolves.toBe("Проверено 20.12.2022 14:05");
    await expect(page.locator("#status").textContent()).resolves.toBe(
      "Проверка завершена: 2 ошибки, 4 предупреждения, 2 замечания.",
    );
    await page.screenshot({ path: screenshotPath("sidebar-findings"), fullPage: true });
    await page.screenshot({ path: screenshotPath("sidebar-main") }); // the first screen, as the user sees it
  });

  it("words other counts correctly (1, 5, 21, 0) and explains a plan with nothing due yet", async () => {
    const many = Array.from({ length: 21 }, (_, i) =>
      issue("PLAN_STATUS_MISSING", "План-факт", `H${i + 2}`, `Нет статуса в строке ${i + 2}.`),
    );
    const one = [issue("PLAN_OVERDUE", "План-факт", "D3", "Срок прошёл.")];
    const five = Array.from({ length: 5 }, (_, i) => issue("PART_COUNT_TEXT", "Участники", `B${i + 2}`, "Текстом."));
    const issues = [...many, ...one, ...five];
    await open(scripted({ state: () => sidebarState({ planExecution: null }, issues) }));
    const chips = await session.page.locator("#counts button").allTextContents();
    expect(chips).toEqual(["21 ошибка", "1 предупреждение", "5 замечаний"]);
    await expect(session.page.locator("#plan-execution").textContent()).resolves.toContain("сроки ещё не наступили");
    // 21 findings on one tab: the first 30 cap is not hit, the group header counts them.
    await expect(session.page.locator("[data-sheet='План-факт'] .group-count").textContent()).resolves.toBe(
      "22 находки",
    );

    await open(scripted({ state: () => sidebarState({}, one) }));
    expect(await session.page.locator("#counts button").allTextContents()).toEqual([
      "Ошибок нет",
      "1 предупреждение",
      "Замечаний нет",
    ]);
  });

  it("draws a long list in parts: 30 findings per tab, then «Показать ещё»", async () => {
    const many = Array.from({ length: 45 }, (_, i) =>
      issue("PLAN_RESPONSIBLE_MISSING", "План-факт", `F${i + 2}`, `Нет ответственного в строке ${i + 2}.`),
    );
    await open(scripted({ state: () => sidebarState({}, many) }));
    const page = session.page;
    await expect(page.locator("#findings .finding").count()).resolves.toBe(30);
    const more = page.locator("#findings button.more");
    await expect(more.textContent()).resolves.toBe("Показать ещё 15 находок");
    await more.click();
    await expect(page.locator("#findings .finding").count()).resolves.toBe(45);
    await expect(page.locator("#findings button.more").count()).resolves.toBe(0);
  });

  it("lists every template tab with its state, and a click opens the tab", async () => {
    await open(scripted());
    const page = session.page;
    const tabs = page.locator("#tabs button");
    await expect(tabs.count()).resolves.toBe(sidebarState().tabs.length);
    await expect(page.locator("#tabs button[data-tab='План-факт']").getAttribute("aria-label")).resolves.toBe(
      "План-факт: 3 находки, есть ошибки",
    );
    await expect(page.locator("#tabs button[data-tab='Задачи']").getAttribute("aria-label")).resolves.toBe(
      "Задачи: без замечаний",
    );
    await expect(page.locator("#tabs button[data-tab='Участники']").getAttribute("class")).resolves.toContain(
      "tab-infos",
    );
    await page.locator("#tabs button[data-tab='Наставничество']").click();
    await expect
      .poll(() => session.calls.filter((c) => c.name === "sidebarSelectCell").map((c) => c.args))
      .toEqual([["Наставничество", null]]);
  });

  it("groups findings by tab in order, and a click selects the cell (row-only findings select column A)", async () => {
    await open(scripted());
    const page = session.page;
    expect(await page.locator("#findings .group-name").allTextContents()).toEqual([
      "Общие сведения",
      "План-факт",
      "Наставничество",
      "Участники",
    ]);
    const finding = page.locator("#findings .finding[data-cell='L7']");
    await expect(finding.locator(".finding-severity").textContent()).resolves.toBe("Ошибка");
    await expect(finding.locator(".finding-where").textContent()).resolves.toBe("L7 · Управленческие действия");
    await finding.click();
    await expect
      .poll(() => session.calls.filter((c) => c.name === "sidebarSelectCell").map((c) => c.args))
      .toEqual([["План-факт", "L7"]]);
    await expect(finding.getAttribute("aria-current")).resolves.toBe("true");
    await expect(page.locator("#status").textContent()).resolves.toBe("Открыто: вкладка «План-факт», ячейка L7.");
    await page.locator("#findings .finding[data-rule='MENT_LOAD_EXCEEDED']").click();
    await expect.poll(() => session.calls.filter((c) => c.name === "sidebarSelectCell").length).toBe(2);
    expect(session.calls.filter((c) => c.name === "sidebarSelectCell")[1]!.args).toEqual(["Наставничество", "A5"]);
  });

  it("filters by severity from the counts and back", async () => {
    await open(scripted());
    const page = session.page;
    await page.locator("#counts button[data-severity='error']").click();
    expect(await page.locator("#findings .finding").evaluateAll((els) => els.map((e) => e.className))).toEqual([
      "finding finding-error",
      "finding finding-error",
    ]);
    await expect(page.locator("#counts button[data-severity='error']").getAttribute("aria-pressed")).resolves.toBe(
      "true",
    );
    await expect(page.locator("#findings-title").textContent()).resolves.toBe("Находки: только ошибки");
    await page.locator("#counts button[data-severity='info']").click();
    expect(await page.locator("#findings .finding-message").allTextContents()).toEqual([
      SAMPLE_ISSUES[6]!.message,
      SAMPLE_ISSUES[7]!.message,
    ]);
    await page.locator("#counts button[data-severity='info']").click();
    await expect(page.locator("#findings .finding").count()).resolves.toBe(SAMPLE_ISSUES.length);
  });

  it("shows «Ошибок нет» as a real empty state", async () => {
    await open(scripted({ state: () => sidebarState({ completeness: 1, planExecution: 1 }, []) }));
    const page = session.page;
    await expect(page.locator("#no-findings").isVisible()).resolves.toBe(true);
    await expect(page.locator("#no-findings .empty-title").textContent()).resolves.toBe("Ошибок нет");
    expect(await page.locator("#counts button").allTextContents()).toEqual([
      "Ошибок нет",
      "Предупреждений нет",
      "Замечаний нет",
    ]);
    await expect(page.locator("#status").textContent()).resolves.toBe("Проверка завершена: ошибок нет.");
    await page.screenshot({ path: screenshotPath("sidebar-clean"), fullPage: true });
  });

  it("«Проверить» re-runs validation and redraws", async () => {
    await open(scripted({ validate: () => sidebarState({}, SAMPLE_ISSUES.slice(0, 1)) }));
    const page = session.page;
    await page.locator("#validate").click();
    await expect.poll(() => page.locator("#findings .finding").count()).toBe(1);
    // The list of earlier reports is read once, after the first state.
    expect(session.calls.map((c) => c.name)).toEqual(["sidebarGetState", "sidebarReportHistory", "sidebarValidate"]);
    await expect(page.locator("#validate").isEnabled()).resolves.toBe(true);
  });

  it("«Сформировать отчёт» shows progress, disables itself, then links the document in a new tab", async () => {
    const hold = gate();
    await open(scripted({ report: async () => (await hold.wait, createdOutcome(false)) }));
    const page = session.page;
    await page.locator("#generate-report").click();
    await expect(page.locator("#generate-report").isDisabled()).resolves.toBe(true);
    await expect(page.locator("#validate").isDisabled()).resolves.toBe(true);
    await expect(page.locator("#generate-report").textContent()).resolves.toBe("Формирую отчёт…");
    await expect(page.locator("#report .progress").isVisible()).resolves.toBe(true);
    // A second click while running does not start a second report.
    await page.locator("#generate-report").click({ force: true });
    await page.screenshot({ path: screenshotPath("sidebar-report-running"), fullPage: true });
    hold.release();
    const link = page.locator("#report a");
    await link.waitFor();
    await expect(link.getAttribute("href")).resolves.toBe("https://docs.google.com/document/d/1AbCdEfGhIjKlMnOp/edit");
    await expect(link.getAttribute("target")).resolves.toBe("_blank");
    await expect(link.getAttribute("rel")).resolves.toContain("noopener");
    await expect(page.locator("#report .report-title").textContent()).resolves.toBe("Отчёт сформирован");
    await expect(page.locator("#report .badge-draft").count()).resolves.toBe(0);
    await expect(page.locator("#generate-report").isEnabled()).resolves.toBe(true);
    expect(session.calls.filter((c) => c.name === "sidebarGenerateReport")).toHaveLength(1);
    await page.screenshot({ path: screenshotPath("sidebar-report-created"), fullPage: true });
  });

  it("labels a draft as one and says how many errors it carries", async () => {
    await open(scripted({ report: () => createdOutcome(true) }));
    const page = session.page;
    await page.locator("#generate-report").click();
    await page.locator("#report a").waitFor();
    await expect(page.locator("#report .badge-draft").textContent()).resolves.toBe("Черновик");
    await expect(page.locator("#report .report-title").textContent()).resolves.toContain("Черновик отчёта сформирован");
    // The same words as `mip report` (draftErrorsNote in the core).
    await expect(page.locator("#report .report-note").first().textContent()).resolves.toBe(
      "В таблице 2 ошибки. Они перечислены в приложении к отчёту; исправьте их и сформируйте отчёт заново.",
    );
    await page.screenshot({ path: screenshotPath("sidebar-report-draft"), fullPage: true });
  });

  it("shows the errors that stopped a strict report, each leading to its cell", async () => {
    const errors = SAMPLE_ISSUES.filter((i) => i.severity === "error");
    await open(scripted({ report: () => ({ kind: "blocked", issues: errors }) }));
    const page = session.page;
    await page.locator("#generate-report").click();
    await page.locator("#report.report-blocked").waitFor();
    await expect(page.locator("#report .report-title").textContent()).resolves.toBe("Отчёт не сформирован");
    await expect(page.locator("#report").textContent()).resolves.toContain("В таблице 2 ошибки");
    await expect(page.locator("#report a").count()).resolves.toBe(0);
    await page.locator("#report .finding").first().click();
    await expect
      .poll(() => session.calls.filter((c) => c.name === "sidebarSelectCell").map((c) => c.args))
      .toEqual([["План-факт", "L7"]]);
  });

  it("never makes a link of anything but https://docs.google.com/", async () => {
    for (const url of [
      INJECTIONS.link,
      "https://docs.google.com.evil.example/d/1",
      "http://docs.google.com/document/d/1",
      "https://evil.example/",
    ]) {
      await open(scripted({ report: () => createdOutcome(false, url) }));
      await session.page.locator("#generate-report").click();
      await session.page.locator("#report.report-created").waitFor();
      await expect(session.page.locator("#report a").count()).resolves.toBe(0);
      await expect(session.page.locator("#report").textContent()).resolves.toContain("Ссылка на документ недоступна");
    }
    const last =
      createdOutcome(true).kind === "created"
        ? (createdOutcome(true) as { report: SidebarState["lastReport"] }).report
        : null;
    await open(scripted({ state: () => sidebarState({ lastReport: last }) }));
    await expect(session.page.locator("#report a").getAttribute("href")).resolves.toBe(
      "https://docs.google.com/document/d/1AbCdEfGhIjKlMnOp/edit",
    );
    await expect(session.page.locator("#report").textContent()).resolves.toContain(
      "Последний отчёт (черновик) от 20.12.2022 14:07",
    );
  });

  it("lists the earlier reports newest first with dates, kinds and both links; a new report shows its PDF and joins the list", async () => {
    const earlier: ReportRecord[] = [
      {
        name: "Отчёт МИП — ЦРО Озёрского района — 2021",
        url: "https://docs.google.com/document/d/1Earlier0000Final/edit",
        pdfUrl: "https://drive.google.com/file/d/1Earlier0000FinalPdf/view",
        date: "30.06.2021",
        createdAt: "2021-06-30T08:00:00.000Z",
        kind: "итоговый",
        draft: false,
      },
      {
        name: `Отчёт ${INJECTIONS.img}`,
        url: INJECTIONS.link,
        pdfUrl: null,
        date: "15.01.2021",
        createdAt: "2021-01-15T08:00:00.000Z",
        kind: null,
        draft: true,
      },
    ];
    const made = createdOutcome(false) as Extract<ReportOutcome, { kind: "created" }>;
    const report = { ...made.report, pdfUrl: "https://drive.google.com/file/d/1AbCdEfGhIjKlMnOpPdf/view" };
    const newest: ReportRecord = {
      name: report.name,
      url: report.url,
      pdfUrl: report.pdfUrl,
      date: "20.12.2022",
      createdAt: report.createdAt,
      kind: "промежуточный",
      draft: false,
    };
    await open(
      scripted({ history: () => earlier, report: () => ({ ...made, report, history: [newest, ...earlier] }) }),
    );
    const page = session.page;
    const section = page.locator("#history-section");
    await section.waitFor();
    await expect(page.locator("#history-title").textContent()).resolves.toBe("Прежние отчёты");
    const items = page.locator("#history li");
    await expect(items.count()).resolves.toBe(2);
    await expect(items.nth(0).locator(".history-head").textContent()).resolves.toBe("30.06.2021 · Итоговый");
    await expect(
      items
        .nth(0)
        .locator("a")
        .evaluateAll((links) => links.map((a) => [a.textContent, a.getAttribute("href")])),
    ).resolves.toEqual([
      ["Документ (откроется в новой вкладке)", "https://docs.google.com/document/d/1Earlier0000Final/edit"],
      ["PDF (откроется в новой вкладке)", "https://drive.google.com/file/d/1Earlier0000FinalPdf/view"],
    ]);
    // A name from the sheet stays text; a link that is not Google's is no link; a missing PDF says so.
    await expect(items.nth(1).locator(".history-name").textContent()).resolves.toBe(`Отчёт ${INJECTIONS.img}`);
    await expect(items.nth(1).locator(".history-head").textContent()).resolves.toBe(
      "15.01.2021 · Вид не указан · Черновик",
    );
    await expect(items.nth(1).locator("a").count()).resolves.toBe(0);
    await expect(items.nth(1).textContent()).resolves.toContain("Ссылка на документ недоступна.");
    await expect(items.nth(1).textContent()).resolves.toContain("PDF не сохранён");
    await expect(page.locator("#app img").count()).resolves.toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    await page.screenshot({ path: screenshotPath("sidebar-history"), fullPage: true });

    await page.locator("#generate-report").click();
    await page.locator("#report.report-created").waitFor();
    const pdf = page.locator("#report .report-pdf a");
    await expect(pdf.textContent()).resolves.toBe("Открыть PDF (откроется в новой вкладке)");
    await expect(pdf.getAttribute("href")).resolves.toBe(report.pdfUrl);
    await expect(pdf.getAttribute("target")).resolves.toBe("_blank");
    await expect(items.count()).resolves.toBe(3);
    await expect(items.nth(0).locator(".history-head").textContent()).resolves.toBe("20.12.2022 · Промежуточный");
    await expect(items.nth(0).locator("a").nth(1).getAttribute("href")).resolves.toBe(report.pdfUrl);
    expect(session.calls.filter((c) => c.name === "sidebarReportHistory")).toHaveLength(1);
    expect(await lowContrastTexts(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath("sidebar-report-pdf"), fullPage: true });
  });

  it("says why a report has no PDF, never links a PDF address that is not Google Drive's, and hides an empty history", async () => {
    const made = createdOutcome(false) as Extract<ReportOutcome, { kind: "created" }>;
    const problem =
      "PDF не сохранён: документ больше 10 МБ — Google выгружает в PDF не больше. " +
      "Откройте документ и скачайте PDF из него: «Файл → Скачать → Документ PDF».";
    await open(scripted({ report: () => ({ ...made, report: { ...made.report, pdfProblem: problem } }) }));
    const page = session.page;
    await expect(page.locator("#history-section").isHidden()).resolves.toBe(true);
    await page.locator("#generate-report").click();
    await page.locator("#report.report-created").waitFor();
    await expect(page.locator("#report .report-pdf-problem").textContent()).resolves.toBe(problem);
    await expect(page.locator("#report a").count()).resolves.toBe(1); // the Doc only
    await open(
      scripted({
        report: () => ({
          ...made,
          report: { ...made.report, pdfUrl: "https://drive.google.com.evil.example/file/d/1" },
        }),
      }),
    );
    await page.locator("#generate-report").click();
    await page.locator("#report.report-created").waitFor();
    await expect(page.locator("#report .report-pdf a").count()).resolves.toBe(0);
    await expect(page.locator("#report .report-pdf").textContent()).resolves.toBe(
      "Ссылка на PDF недоступна: это не адрес Google Диска.",
    );
  });

  it("a failed history read is a Russian message with «Повторить», and the retry shows the list", async () => {
    let failures = 1;
    const one: ReportRecord = {
      name: "Отчёт МИП — ЦРО Озёрского района — 2021",
      url: "https://docs.google.com/document/d/1Earlier0000Final/edit",
      pdfUrl: null,
      date: "30.06.2021",
      createdAt: "2021-06-30T08:00:00.000Z",
      kind: "итоговый",
      draft: false,
    };
    await open(
      scripted({
        history: () => {
          if (failures-- > 0) throw new Error("Service Properties failed while accessing document properties.");
          return [one];
        },
      }),
    );
    const page = session.page;
    await page.locator("#failure:not([hidden])").waitFor();
    await expect(page.locator("#failure .failure-text").textContent()).resolves.toMatch(
      /^Не удалось загрузить список прежних отчётов/,
    );
    await page.locator("#retry").click();
    await page.locator("#history li").waitFor();
    await expect(page.locator("#history li").count()).resolves.toBe(1);
    await expect(page.locator("#failure").isHidden()).resolves.toBe(true);
  });

  it("turns a lost authorisation into a Russian message with «Повторить», and the retry works", async () => {
    let failures = 1;
    await open(
      scripted({
        state: () => {
          if (failures-- > 0) throw new Error("Authorization is required to perform that action.");
          return sidebarState();
        },
      }),
    );
    const page = session.page;
    const failure = page.locator("#failure");
    await expect(failure.isVisible()).resolves.toBe(true);
    await expect(failure.getAttribute("role")).resolves.toBe("alert");
    await expect(failure.locator(".failure-text").textContent()).resolves.toContain(
      "нет разрешения или истёк вход в аккаунт Google",
    );
    await expect(page.locator("#validate").isEnabled()).resolves.toBe(true);
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("retry");
    await page.screenshot({ path: screenshotPath("sidebar-failure"), fullPage: true });
    await page.locator("#retry").click();
    await page.locator("#findings .finding").first().waitFor();
    await expect(failure.isHidden()).resolves.toBe(true);
    // The list of earlier reports waits for a state to show beside it.
    await expect
      .poll(() => session.calls.map((c) => c.name))
      .toEqual(["sidebarGetState", "sidebarGetState", "sidebarReportHistory"]);
  });

  it("explains quota and time-outs, and never leaves the panel frozen", async () => {
    await open(
      scripted({
        validate: () => Promise.reject(new Error("Service invoked too many times for one day: docs create.")),
      }),
    );
    const page = session.page;
    await page.locator("#validate").click();
    await page.locator("#failure:not([hidden])").waitFor();
    await expect(page.locator("#failure .failure-text").textContent()).resolves.toContain(
      "превышен лимит Google Apps Script",
    );
    await expect(page.locator("#findings .finding").count()).resolves.toBe(SAMPLE_ISSUES.length);

    const last = (createdOutcome(false) as { report: SidebarState["lastReport"] }).report;
    await open(
      scripted({ state: () => sidebarState({ lastReport: last }), report: () => new Promise<never>(() => undefined) }),
      { timeoutMs: 400 },
    );
    await page.locator("#generate-report").click();
    await page.locator("#failure:not([hidden])").waitFor();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("retry");
    await expect(page.locator("#failure .failure-text").textContent()).resolves.toContain("сервер Google не ответил");
    await expect(page.locator("#generate-report").isEnabled()).resolves.toBe(true);
    await expect(page.locator("#report .progress").count()).resolves.toBe(0);
  });

  it("shows hostile cell values as text and runs none of them", async () => {
    const hostile = [
      issue("TPL_ENUM_INVALID", "План-факт", "H4", `Статус ${INJECTIONS.img} не из списка.`),
      issue("GEN_URL_INVALID", "Общие сведения", "B11", `Сайт ${INJECTIONS.link} — не адрес сайта.`),
      issue("PLAN_FACT_MISSING", INJECTIONS.script, "G5", INJECTIONS.svg),
    ];
    await open(
      scripted({
        state: () =>
          sidebarState(
            {
              organisation: INJECTIONS.img,
              reportType: INJECTIONS.script,
              period: INJECTIONS.svg,
              tabs: [...tabsFor(hostile), { title: INJECTIONS.img, state: "errors", findings: 1 }],
            },
            hostile,
          ),
        report: () => ({
          kind: "created",
          report: { url: INJECTIONS.link, name: INJECTIONS.script, draft: false, createdAt: "2022-12-20T11:07:00Z" },
          errors: 0,
        }),
      }),
    );
    const page = session.page;
    await page.locator("#generate-report").click();
    await page.locator("#report.report-created").waitFor();
    await page.waitForTimeout(200); // give any onerror/onload a chance to fire
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    await expect(page.locator("#app img, #app script, #app svg[onload], #app [onerror]").count()).resolves.toBe(0);
    await expect(page.locator("#org-name").textContent()).resolves.toBe(INJECTIONS.img);
    await expect(page.locator("#report-kind").textContent()).resolves.toContain(INJECTIONS.script);
    await expect(page.locator("#findings").textContent()).resolves.toContain(`Статус ${INJECTIONS.img} не из списка.`);
    await expect(
      page.locator(`#tabs button[data-tab='${INJECTIONS.img.replace(/'/g, "\\'")}']`).textContent(),
    ).resolves.toContain(INJECTIONS.img);
    await expect(page.locator("a").count()).resolves.toBe(0);
    expect(session.pageErrors).toEqual([]);
    await page.screenshot({ path: screenshotPath("sidebar-hostile"), fullPage: true });
  });

  it("is usable from the keyboard, with visible focus", async () => {
    await open(scripted());
    const page = session.page;
    await page.locator("body").click({ position: { x: 5, y: 5 } });
    const order: string[] = [];
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press("Tab");
      order.push(
        await page.evaluate(
          () =>
            document.activeElement?.id ||
            document.activeElement?.getAttribute("data-severity") ||
            document.activeElement?.tagName ||
            "",
        ),
      );
    }
    expect(order).toEqual(["error", "warning", "info", "validate", "generate-report", "SUMMARY"]);
    await page.keyboard.press("Shift+Tab");
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).toBe("solid");
    await page.keyboard.press("Enter");
    await expect.poll(() => session.calls.filter((c) => c.name === "sidebarGenerateReport").length).toBe(1);
    await page.locator("#report a").waitFor();
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toContain("Открыть отчёт");
    // The finding buttons are reachable and start a selection with Enter too.
    await page.locator("#findings .finding").first().focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => session.calls.filter((c) => c.name === "sidebarSelectCell").length).toBe(1);
  });

  it("keeps every text readable (WCAG AA contrast) in the main, draft, blocked and failure states", async () => {
    await open(scripted({ report: () => createdOutcome(true) }));
    const page = session.page;
    expect(await lowContrastTexts(page)).toEqual([]);
    await page.locator("#generate-report").click();
    await page.locator("#report a").waitFor();
    expect(await lowContrastTexts(page)).toEqual([]);
    await open(
      scripted({
        report: () => ({ kind: "blocked", issues: SAMPLE_ISSUES }),
        validate: () => Promise.reject(new Error("Too many simultaneous invocations")),
      }),
    );
    await page.locator("#generate-report").click();
    await page.locator("#report.report-blocked").waitFor();
    await page.locator("#validate").click();
    await page.locator("#failure:not([hidden])").waitFor();
    expect(await lowContrastTexts(page)).toEqual([]);
    await open(scripted({ state: () => sidebarState({}, []) }));
    expect(await lowContrastTexts(page)).toEqual([]);
    // The checker itself notices pale text.
    await page.addStyleTag({ content: ".empty-text { color: #c8c8c8 !important; }" });
    expect((await lowContrastTexts(page)).join()).toContain("Таблица заполнена без замечаний");
  });

  it("fits the 300 px sidebar without horizontal scrolling", async () => {
    const long = issue(
      "PLAN_FACT_MISSING",
      "Распространение опыта",
      "J12",
      `${"Оченьдлинноесловобезпробелов".repeat(6)} ${"и ещё текст ".repeat(20)}`,
    );
    await open(
      scripted({
        state: () =>
          sidebarState(
            {
              organisation:
                "Муниципальное общеобразовательное учреждение «Средняя " +
                "общеобразовательная школа № 4 с углублённым изучением отдельных предметов»",
            },
            [...SAMPLE_ISSUES, long],
          ),
      }),
    );
    const widths = await session.page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(widths.client).toBe(300);
    expect(widths.scroll).toBeLessThanOrEqual(300);
  });

  it("the google.script.run stand-in refuses values Apps Script cannot carry (a Date), as the real one does", async () => {
    const before = session.protocolViolations.length;
    await open(scripted({ state: () => ({ ...sidebarState(), checkedAt: new Date() as unknown as string }) }));
    await expect(session.page.locator("#failure").isVisible()).resolves.toBe(true);
    expect(session.protocolViolations.slice(before)).toEqual(["sidebarGetState: value.checkedAt is a Date"]);
    session.protocolViolations.length = before; // expected here; the check below covers everything else
    // Arguments are checked in the page too: a Date cannot be sent.
    const thrown = await session.page.evaluate(() => {
      try {
        (window as unknown as { google: { script: { run: Record<string, (...a: unknown[]) => void> } } }).google.script
          .run.sidebarSelectCell!("План-факт", new Date());
        return null;
      } catch (error) {
        return String(error);
      }
    });
    expect(thrown).toContain("illegal value");
  });

  it("passes only JSON values through google.script.run", () => {
    expect(session.protocolViolations).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  });
});
