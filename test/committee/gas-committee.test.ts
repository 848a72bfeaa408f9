/** Committee mode on the BUILT bundle (dist/Code.js) with the Apps Script fake. */
import { describe, expect, it } from "vitest";
import { SUMMARY_ALL_HEADERS, SUMMARY_HEADERS, TONE_COLOURS, summaryColumn } from "../../src/core/committee/index.js";
import { sampleGrid } from "../../src/demo/sample.js";
import { MALICIOUS, pairRow, schoolGrid } from "./fixtures.js";
import { documentStructure, setFormula, setRichText } from "../gas/fake/index.js";
import { hyperlinkUrl } from "../../src/gas/committee/run.js";
import { type SchoolSheet, committeeEnv, summaryValues } from "./gas-env.js";
import { apiCell, dayFirstDate, monthFirstLocale } from "../../src/gas/committee/school-reader.js";

const id = (n: number) => `1school${String(n).padStart(4, "0")}abcdefghijklmnopqrstuvwxyz`;

function mixed(): SchoolSheet[] {
  return [
    { id: id(1), organisation: "МОУ «СОШ № 4»", grid: sampleGrid() },
    {
      id: id(2),
      organisation: MALICIOUS[0],
      grid: schoolGrid({
        shortName: MALICIOUS[2],
        reportType: MALICIOUS[1],
        rows: {
          Наставничество: [pairRow("1", MALICIOUS[3], "Химия", "Орлова Мария Ивановна", "Не состоялась", MALICIOUS[4])],
        },
      }),
    },
    { id: id(3), organisation: "МОУ «Закрытая СОШ»", grid: schoolGrid({ shortName: "Закрытая" }), denied: true },
    { id: id(4), organisation: "МОУ «Удалённая СОШ»", deleted: true },
    {
      id: id(5),
      organisation: "Бухгалтерия",
      grid: {
        tabs: [
          {
            title: "Бюджет",
            rows: [
              ["Статья", "Сумма"],
              ["=SUM(1)", 1],
            ],
          },
        ],
      },
    },
    { id: id(6), organisation: "МОУ «Без ссылки»", link: "пришлют позже" },
    {
      id: id(7),
      organisation: "МОУ «Старая СОШ»",
      grid: schoolGrid({ shortName: "Старая", templateVersion: "0" }),
      link: id(7),
    },
  ];
}

const FULL_SPREADSHEETS = "https://www.googleapis.com/auth/spreadsheets";

const col = (h: (typeof SUMMARY_ALL_HEADERS)[number]) => summaryColumn(h);

describe("committee mode in Sheets (bundle)", () => {
  it("the committee deployment builds its own add-on menu, also in AuthMode.NONE; the school's items are not in it", () => {
    const env = committeeEnv([]);
    env.run("onOpen", { authMode: "NONE" });
    const json = JSON.stringify(env.counter.paused(() => env.fake.ui));
    for (const caption of [
      "Обновить свод",
      "Сформировать «Сводку по МИП»",
      "Справка о реализации проекта (строка «Реестра»)",
      "Включить обновление каждый час",
      "Выключить обновление каждый час",
      "Справка",
    ])
      expect(json).toContain(caption);
    expect(json).not.toContain("Проверить таблицу");
    expect(env.names).not.toContain("onEdit");
    expect(env.names).not.toContain("sidebarValidate");
  });

  it("creates Реестр-side Свод tab with the contract headers once", () => {
    const env = committeeEnv([]);
    env.run("committeeSetup");
    env.run("committeeSetup");
    const values = summaryValues(env);
    expect(values[0]!.slice(0, SUMMARY_HEADERS.length)).toEqual([...SUMMARY_HEADERS]);
    expect(env.committee._sheets.map((s) => s._name)).toEqual(["Реестр", "Свод", "Настройки комитета"]);
  });

  it("refreshes a mixed registry: one row per school, states, colours, figures from the validator", () => {
    const env = committeeEnv(mixed());
    const outcome = env.run("committeeRefresh") as { kind: string; failed: number };
    expect(outcome.kind).toBe("finished");
    const rows = summaryValues(env).slice(1, 8);
    expect(rows.map((r) => r[col("Состояние")])).toEqual([
      "ОК",
      "ОК",
      "Нет доступа",
      "Ошибка чтения: таблица не найдена или удалена",
      "Не шаблон МИП",
      "Нет ссылки",
      "Старая версия шаблона",
    ]);
    expect(rows[0]![col("Ссылка")]).toBe(`https://docs.google.com/spreadsheets/d/${id(1)}`);
    expect(rows[6]![col("Ссылка")]).toBe(`https://docs.google.com/spreadsheets/d/${id(7)}`);
    expect(typeof rows[0]![col("Заполнено, %")]).toBe("number");
    expect(rows[0]![col("Наставнических пар")]).toBeGreaterThan(0);
    expect(rows[2]![col("Ошибки")]).toBe("");
    const backgrounds = env.counter.paused(() =>
      env.committee._sheets[1]!.getRange(2, 1, 7, 1)
        .getBackgrounds()
        .map((r) => r[0]),
    );
    expect(backgrounds[2]).toBe(TONE_COLOURS.unreadable);
    expect([TONE_COLOURS.errors, TONE_COLOURS.warnings, TONE_COLOURS.clean]).toContain(backgrounds[0]);
    expect(String(summaryValues(env)[1]![SUMMARY_ALL_HEADERS.length])).toMatch(/^обновлено 7 из 7 — 20\.12\.2022/);
    expect(env.fake.ui._alerts.at(-1)!.prompt).toMatch(
      /^Готово: обновлено 7 из 7 — 20\.12\.2022 \d\d:\d\d\. Не прочитаны: 3 организации — причина в столбце «Состояние»\.$/,
    );
  });

  it("never writes school text as a formula; the text arrives unchanged", () => {
    const env = committeeEnv(mixed());
    env.run("committeeRefresh");
    expect(env.formulaWrites).toEqual([]);
    const row = summaryValues(env)[2]!;
    expect(row[col("Организация")]).toBe(MALICIOUS[0]);
    expect(row[col("Вид отчёта")]).toBe(MALICIOUS[1]);
    // The guard itself: an unquoted formula-like string is caught.
    env.counter.paused(() => env.committee._sheets[1]!.getRange(50, 1).setValue("=1+1"));
    expect(env.formulaWrites).toEqual(["Свод!R50C1: =1+1"]);
  });

  it("reads each school with few calls: 2 per changed school, 1 per unchanged (the change stamp comes with the metadata)", () => {
    const schools = Array.from({ length: 6 }, (_, n) => ({
      id: id(n),
      organisation: `Школа ${n}`,
      grid: sampleGrid(),
    }));
    const env = committeeEnv(schools);
    env.run("committeeSetup");
    env.counter.reset();
    env.run("committeeRefresh");
    const read =
      env.counter.count("Sheets.Spreadsheets.get") + env.counter.count("Sheets.Spreadsheets.Values.batchGet");
    expect(read).toBe(12);
    expect(env.counter.countPrefix("Drive.")).toBe(0);
    expect(env.counter.count("SpreadsheetApp.openById")).toBe(0);
    expect(env.counter.count("Range.setValues")).toBe(6);
    // The cursor: one read and one checkpoint per run (plus one per 20 s), and clearing it at the end.
    expect(env.counter.count("Range.getValue")).toBe(1);
    expect(env.counter.count("Range.setValue")).toBe(2);
    expect(env.counter.count("Range.clearContent")).toBe(1);
    env.counter.reset();
    env.run("committeeRefresh");
    expect(env.counter.count("Sheets.Spreadsheets.get")).toBe(6);
    expect(env.counter.count("Sheets.Spreadsheets.Values.batchGet")).toBe(0);
    expect(env.counter.count("Range.setValues")).toBe(0);
    env.modified.set(id(2), "2022-12-19T09:00:00.000Z");
    env.counter.reset();
    env.run("committeeRefresh");
    expect(env.counter.count("Sheets.Spreadsheets.Values.batchGet")).toBe(1);
    expect(env.counter.count("Range.setValues")).toBe(1);
  });

  it("continues across simulated 6-minute limits with a persisted cursor and a continuation trigger", () => {
    const schools = Array.from({ length: 20 }, (_, n) => ({
      id: id(n),
      organisation: `Школа ${n}`,
      grid: schoolGrid({ shortName: `Школа ${n}` }),
    }));
    const env = committeeEnv(schools, { openCostMs: 60_000 });
    const first = env.run("committeeRefresh") as { kind: string; done: number; total: number };
    expect(first.kind).toBe("continues");
    expect(first.done).toBe(4);
    expect(String(summaryValues(env)[1]![SUMMARY_ALL_HEADERS.length])).toBe(
      "обновлено 4 из 20, обновление продолжается",
    );
    expect(env.triggers().filter((t) => t.handler === "committeeContinueRefresh")).toEqual([
      { handler: "committeeContinueRefresh", everyHours: null, afterMs: 60_000 },
    ]);
    let runs = 1;
    while (env.triggers().some((t) => t.handler === "committeeContinueRefresh") && runs < 20) {
      env.run("committeeContinueRefresh");
      runs++;
    }
    expect(runs).toBe(5);
    expect(
      summaryValues(env)
        .slice(1, 21)
        .map((r) => r[col("Состояние")]),
    ).toEqual(Array(20).fill("ОК"));
    expect(env.triggers()).toEqual([]);
  });

  it("with the hourly trigger on, an unfinished run creates no continuation: the hourly runs continue from the cursor", () => {
    const schools = Array.from({ length: 20 }, (_, n) => ({
      id: id(n),
      organisation: `Школа ${n}`,
      grid: schoolGrid({ shortName: `Школа ${n}` }),
    }));
    // An editor add-on may have one time-driven trigger per user per document: a second create() throws.
    const env = committeeEnv(schools, { openCostMs: 60_000, triggerLimits: {} });
    env.run("committeeEnableHourly");
    const first = env.run("committeeRefresh") as { kind: string; done: number; next: string };
    expect(first).toMatchObject({ kind: "continues", done: 4, next: "hourly" });
    expect(env.triggers()).toEqual([{ handler: "committeeHourlyRefresh", everyHours: 1, afterMs: null }]);
    expect(String(summaryValues(env)[1]![SUMMARY_ALL_HEADERS.length])).toBe(
      "обновлено 4 из 20, продолжится при ежечасном обновлении или по «Обновить свод»",
    );
    const alert = env.fake.ui._alerts.at(-1)!.prompt;
    expect(alert).toContain("ежечасном");
    expect(alert).not.toContain("Не удалось");
    const second = env.run("committeeHourlyRefresh") as { kind: string; done: number };
    expect(second).toMatchObject({ kind: "continues", done: 8 });
    let runs = 2;
    while ((env.run("committeeHourlyRefresh") as { kind: string }).kind === "continues" && runs < 20) runs++;
    expect(runs + 1).toBe(5);
    expect(
      summaryValues(env)
        .slice(1, 21)
        .map((r) => r[col("Состояние")]),
    ).toEqual(Array(20).fill("ОК"));
    expect(env.triggers()).toEqual([{ handler: "committeeHourlyRefresh", everyHours: 1, afterMs: null }]);
  });

  it("a refused continuation trigger does not turn a saved batch into a failure", () => {
    const schools = Array.from({ length: 8 }, (_, n) => ({
      id: id(n),
      organisation: `Школа ${n}`,
      grid: schoolGrid({ shortName: `Школа ${n}` }),
    }));
    const env = committeeEnv(schools, {
      openCostMs: 60_000,
      triggerLimits: { refuseAll: "Exception: Time-driven triggers cannot run more frequently than once per hour." },
    });
    const first = env.run("committeeRefresh") as { kind: string; done: number; next: string } | null;
    expect(first).toMatchObject({ kind: "continues", done: 4, next: "manual" });
    expect(env.triggers()).toEqual([]);
    const alert = env.fake.ui._alerts.at(-1)!.prompt;
    expect(alert).toMatch(
      /^Обновлено 4 из 8\. Google не разрешил запланировать продолжение: выберите «Обновить свод» ещё раз/,
    );
    expect(alert).not.toContain("Не удалось");
    expect(String(summaryValues(env)[1]![SUMMARY_ALL_HEADERS.length])).toBe(
      "обновлено 4 из 8, продолжится при следующем «Обновить свод»",
    );
    expect(
      summaryValues(env)
        .slice(1, 5)
        .map((r) => r[col("Состояние")]),
    ).toEqual(Array(4).fill("ОК"));
    const second = env.run("committeeRefresh") as { kind: string; done: number };
    expect(second).toMatchObject({ kind: "finished", done: 8 });
    expect(
      summaryValues(env)
        .slice(1, 9)
        .map((r) => r[col("Состояние")]),
    ).toEqual(Array(8).fill("ОК"));
  });

  it("a Sheets rate limit pauses the refresh: the school keeps its good row and the continuation reads it", () => {
    const schools = Array.from({ length: 5 }, (_, n) => ({
      id: id(n),
      organisation: `Школа ${n}`,
      grid: schoolGrid({ shortName: `Школа ${n}` }),
    }));
    const env = committeeEnv(schools);
    env.run("committeeRefresh");
    const good = summaryValues(env)[3]!.slice(0, SUMMARY_ALL_HEADERS.length);
    for (const s of schools) env.modified.set(s.id, "2022-12-19T00:00:00.000Z");
    env.sheetsErrors.set(
      id(2),
      "GoogleJsonResponseException: API call to sheets.spreadsheets.values.batchGet failed with error: " +
        "Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute per user'",
    );
    const paused = env.run("committeeRefresh") as {
      kind: string;
      done: number;
      pause: string | null;
      next: string;
      failed: number;
    };
    expect(paused).toMatchObject({ kind: "continues", done: 2, pause: "rate", next: "minute", failed: 0 });
    expect(summaryValues(env)[3]!.slice(0, SUMMARY_ALL_HEADERS.length)).toEqual(good);
    expect(String(summaryValues(env)[1]![SUMMARY_ALL_HEADERS.length])).toBe(
      "обновлено 2 из 5, пауза: Google ограничил частоту чтения таблиц, обновление продолжается",
    );
    expect(env.fake.ui._alerts.at(-1)!.prompt).toContain("60 чтений таблиц в минуту");
    expect(env.triggers().map((t) => t.handler)).toEqual(["committeeContinueRefresh"]);
    env.sheetsErrors.clear();
    expect((env.run("committeeContinueRefresh") as { kind: string }).kind).toBe("finished");
    const rows = summaryValues(env).slice(1, 6);
    expect(rows.map((r) => r[col("Состояние")])).toEqual(Array(5).fill("ОК"));
    expect(rows.map((r) => r[col("Изменена")])).toEqual(Array(5).fill("2022-12-19T00:00:00.000Z"));
  });

  it("a daily quota pauses until the next hourly run or «Обновить свод», with no minute-by-minute retries", () => {
    const schools = Array.from({ length: 5 }, (_, n) => ({
      id: id(n),
      organisation: `Школа ${n}`,
      grid: schoolGrid({ shortName: `Школа ${n}` }),
    }));
    const env = committeeEnv(schools);
    env.sheetsErrors.set(id(2), "Exception: Service invoked too many times for one day: sheets.");
    const paused = env.run("committeeRefresh") as { kind: string; done: number; pause: string | null; next: string };
    expect(paused).toMatchObject({ kind: "continues", done: 2, pause: "day", next: "manual" });
    // Neither the safety net nor a one-minute continuation is left: they would only pause again.
    expect(env.triggers()).toEqual([]);
    expect(String(summaryValues(env)[1]![SUMMARY_ALL_HEADERS.length])).toBe(
      "обновлено 2 из 5, пауза: исчерпан суточный лимит Google, продолжится при следующем «Обновить свод»",
    );
    const alert = env.fake.ui._alerts.at(-1)!.prompt;
    expect(alert).toBe(
      "Обновлено 2 из 5. Дополнение исчерпало суточный лимит Google; строки уже прочитанных " +
        "организаций сохранены. Выберите «Обновить свод» завтра — обновление продолжится с того же места.",
    );
    expect(alert).not.toContain("через минуту");
    // With the hourly trigger on, the hourly run takes it up.
    env.run("committeeEnableHourly");
    const hourly = env.run("committeeHourlyRefresh") as { next: string; pause: string | null };
    expect(hourly).toMatchObject({ next: "hourly", pause: "day" });
    expect(env.triggers()).toEqual([{ handler: "committeeHourlyRefresh", everyHours: 1, afterMs: null }]);
    env.sheetsErrors.clear();
    expect((env.run("committeeHourlyRefresh") as { kind: string }).kind).toBe("finished");
    expect(
      summaryValues(env)
        .slice(1, 6)
        .map((r) => r[col("Состояние")]),
    ).toEqual(Array(5).fill("ОК"));
  });

  it(
    "keeps the cursor in one hidden Свод cell: a trigger without a document " +
      "context continues a menu run (a deployment granted the full spreadsheets scope)",
    () => {
      const schools = Array.from({ length: 12 }, (_, n) => ({
        id: id(n),
        organisation: `Школа ${n}`,
        grid: schoolGrid({ shortName: `Школа ${n}` }),
      }));
      const env = committeeEnv(schools, { openCostMs: 60_000, extraScopes: [FULL_SPREADSHEETS] });
      const first = env.run("committeeRefresh") as { done: number };
      expect(first.done).toBe(4);
      const cursorCell = () => summaryValues(env)[1]![SUMMARY_ALL_HEADERS.length + 1];
      expect(JSON.parse(String(cursorCell()))).toMatchObject({ next: 4, total: 12 });
      expect(summaryValues(env)[0]![SUMMARY_ALL_HEADERS.length + 1]).toBe("Курсор обновления (служебное)");
      const props = env.fake.propertiesService;
      expect(
        [...props._document._data.keys(), ...props._user._data.keys()].filter((k) => k.includes("cursor")),
      ).toEqual([]);
      // A time trigger of a published add-on: no active spreadsheet, no document lock, no document properties.
      const app = env.fake.spreadsheetApp as unknown as { _active: unknown; _others: Map<string, unknown> };
      app._others.set(env.committee._id, env.committee);
      app._active = null;
      (env.fake.propertiesService as unknown as { getDocumentProperties(): null }).getDocumentProperties = () => null;
      const second = env.run("committeeContinueRefresh") as { kind: string; done: number };
      expect(second).toMatchObject({ kind: "continues", done: 8 });
      const third = env.run("committeeContinueRefresh") as { kind: string; done: number };
      expect(third).toMatchObject({ kind: "finished", done: 12 });
      expect(cursorCell()).toBe("");
      expect(env.fake.lockService._user.holders).toBe(0);
    },
  );

  it("takes the user lock always and the document lock too, releasing both", () => {
    const env = committeeEnv(mixed().slice(0, 2));
    const locks = env.fake.lockService;
    locks._user.heldElsewhere = true;
    expect((env.run("committeeRefresh") as { kind: string }).kind).toBe("busy");
    expect(locks._document.holders).toBe(0);
    locks._user.heldElsewhere = false;
    locks._document.heldElsewhere = true;
    expect((env.run("committeeHourlyRefresh") as { kind: string }).kind).toBe("busy");
    // The user lock taken first is given back when the document lock is busy.
    expect(locks._user.holders).toBe(0);
    locks._document.heldElsewhere = false;
    expect((env.run("committeeRefresh") as { kind: string }).kind).toBe("finished");
    expect([locks._user.acquisitions, locks._document.acquisitions]).toEqual([2, 1]);
    expect([locks._user.holders, locks._document.holders]).toEqual([0, 0]);
  });

  it("reads a registry link pasted as a chip or a rich-text link from its address, not its label", () => {
    const env = committeeEnv([
      { id: id(1), organisation: "МОУ «СОШ № 9»", grid: sampleGrid(), link: "Таблица СОШ № 9" },
      { id: id(2), organisation: "МОУ «СОШ № 10»", grid: sampleGrid(), link: "см. таблицу" },
      { id: id(3), organisation: "МОУ «СОШ № 11»", grid: sampleGrid() },
      { id: id(4), organisation: "МОУ «Без ссылки»", link: "пришлют позже" },
    ]);
    const registry = env.committee._sheet("Реестр");
    setRichText(registry, 2, 2, [
      { text: "Таблица СОШ № 9", link: `https://docs.google.com/spreadsheets/d/${id(1)}/edit#gid=0` },
    ]);
    setRichText(registry, 3, 2, [
      { text: "см. " },
      { text: "таблицу", link: `https://docs.google.com/spreadsheets/d/${id(2)}/edit` },
    ]);
    env.counter.reset();
    env.run("committeeRefresh");
    expect(env.counter.count("Range.getRichTextValues")).toBe(1);
    const rows = summaryValues(env).slice(1, 5);
    expect(rows.map((r) => r[col("Состояние")])).toEqual(["ОК", "ОК", "ОК", "Нет ссылки"]);
    expect(rows.map((r) => r[col("Ссылка")])).toEqual(
      [1, 2, 3].map((n) => `https://docs.google.com/spreadsheets/d/${id(n)}`).concat(""),
    );
    // «Пришлют позже» has no link at all: the formulas were looked at once, and found none.
    expect(env.counter.count("Range.getFormulas")).toBe(1);
  });

  it("reads a registry link written as =HYPERLINK(…), and reads formulas only when a row still lacks a link", () => {
    const env = committeeEnv([
      { id: id(1), organisation: "МОУ «СОШ № 9»", grid: sampleGrid(), link: "Таблица СОШ № 9" },
      { id: id(2), organisation: "МОУ «СОШ № 10»", grid: sampleGrid() },
    ]);
    const registry = env.committee._sheet("Реестр");
    setFormula(
      registry,
      2,
      2,
      `=HYPERLINK("https://docs.google.com/spreadsheets/d/${id(1)}/edit"; "Таблица СОШ № 9")`,
      "Таблица СОШ № 9",
    );
    env.counter.reset();
    env.run("committeeRefresh");
    expect(
      summaryValues(env)
        .slice(1, 3)
        .map((r) => r[col("Состояние")]),
    ).toEqual(["ОК", "ОК"]);
    expect(env.counter.count("Range.getFormulas")).toBe(1);
    // Every row linked plainly: no formula read at all.
    const plain = committeeEnv([{ id: id(2), organisation: "МОУ «СОШ № 10»", grid: sampleGrid() }]);
    plain.counter.reset();
    plain.run("committeeRefresh");
    expect(plain.counter.count("Range.getFormulas")).toBe(0);
    expect(hyperlinkUrl('=hyperlink("https://x.example/?q=""a""", "A")')).toBe('https://x.example/?q="a"');
    expect(hyperlinkUrl("=SUM(A1)")).toBeNull();
  });

  it("a run killed at 6 minutes loses no saved progress; a workbook that killed two runs is written as too slow and skipped", () => {
    const schools = Array.from({ length: 8 }, (_, n) => ({
      id: id(n),
      organisation: `Школа ${n}`,
      grid: schoolGrid({ shortName: `Школа ${n}` }),
      ...(n === 3 ? { openCostMs: 400_000 } : {}),
    }));
    const env = committeeEnv(schools, { executionLimitMs: 360_000 });
    const cursor = () =>
      JSON.parse(String(summaryValues(env)[1]![SUMMARY_ALL_HEADERS.length + 1]) || "null") as {
        next: number;
        current?: number;
        suspect?: unknown;
      } | null;
    expect(env.run("committeeRefresh")).toBe("killed");
    expect(
      summaryValues(env)
        .slice(1, 4)
        .map((r) => r[col("Состояние")]),
    ).toEqual(["ОК", "ОК", "ОК"]);
    expect(cursor()).toMatchObject({ next: 0, current: 0 });
    // The dead run could schedule nothing, but the safety net it armed before its batch fires
    // just after the 6-minute limit, and each continuation arms its own.
    const safetyNet = [{ handler: "committeeContinueRefresh", everyHours: null, afterMs: 7 * 60_000 }];
    expect(env.triggers()).toEqual(safetyNet);
    expect(env.run("committeeContinueRefresh")).toBe("killed");
    expect(cursor()).toMatchObject({ next: 3, current: 3, suspect: { index: 0, times: 1 } });
    expect(env.triggers()).toEqual(safetyNet);
    expect(env.run("committeeContinueRefresh")).toBe("killed");
    expect(cursor()).toMatchObject({ next: 3, current: 3, suspect: { index: 3, times: 1 } });
    const last = env.run("committeeContinueRefresh") as { kind: string; failed: number };
    expect(last).toMatchObject({ kind: "finished", failed: 1 });
    // Finished: no continuation is left behind.
    expect(env.triggers()).toEqual([]);
    expect(
      summaryValues(env)
        .slice(1, 9)
        .map((r) => r[col("Состояние")]),
    ).toEqual([...Array(3).fill("ОК"), "Ошибка чтения: таблица читается слишком долго", ...Array(4).fill("ОК")]);
    expect(cursor()).toBeNull();
    // The next refresh leaves it alone until the workbook changes.
    env.counter.reset();
    expect((env.run("committeeHourlyRefresh") as { kind: string }).kind).toBe("finished");
    expect(env.counter.count("Sheets.Spreadsheets.Values.batchGet")).toBe(0);
  });

  it("reads dates of an en_US workbook (M/D/YYYY) as the same dates as a Russian one", () => {
    const grid = sampleGrid();
    const env = committeeEnv([
      { id: id(1), organisation: "Школа", grid },
      { id: id(2), organisation: "Школа", grid: { ...grid }, locale: "en_US" },
    ]);
    env.run("committeeRefresh");
    const rows = summaryValues(env).slice(1, 3);
    const figures = (r: unknown[]) => SUMMARY_HEADERS.map((h) => (h === "Ссылка" ? "" : r[col(h)]));
    expect(rows[1]![col("Состояние")]).toBe("ОК");
    expect(figures(rows[1]!)).toEqual(figures(rows[0]!));
  });

  const SCOPE_ERROR =
    "Exception: Specified permissions are not sufficient to call SpreadsheetApp.openById. " +
    "Required permissions: https://www.googleapis.com/auth/spreadsheets";

  it("without the Sheets advanced service and the full spreadsheets scope, schools say what the add-on lacks — not «Нет доступа»", () => {
    const env = committeeEnv(mixed().slice(0, 2));
    delete env.bundleGlobal.Sheets;
    (env.fake.spreadsheetApp as unknown as { openById(id: string): never }).openById = () => {
      throw new Error(SCOPE_ERROR);
    };
    env.run("committeeRefresh");
    expect(
      summaryValues(env)
        .slice(1, 3)
        .map((r) => r[col("Состояние")]),
    ).toEqual(
      Array(2).fill("Ошибка чтения: дополнению не хватает разрешения «spreadsheets» (см. README, «Разрешения»)"),
    );
  });

  it("a time trigger without an active spreadsheet and without the spreadsheets scope explains it in Russian", () => {
    const env = committeeEnv(mixed().slice(0, 2));
    env.run("committeeEnableHourly");
    const app = env.fake.spreadsheetApp as unknown as { _active: unknown; openById(id: string): never };
    app._active = null;
    app.openById = () => {
      throw new Error(SCOPE_ERROR);
    };
    expect(env.run("committeeHourlyRefresh")).toBeNull();
    expect(env.fake.logger._lines.at(-1)).toMatch(
      /^Обновление по расписанию не может открыть таблицу комитета: дополнению не хватает разрешения «spreadsheets»/,
    );
  });

  it("links the school's last report by its document id, never by copied text", () => {
    const docId = "1reportDocAbcdefghijklmnopqrstuvwxyz";
    const env = committeeEnv([
      { id: id(1), organisation: "A", grid: sampleGrid() },
      { id: id(2), organisation: "B", grid: sampleGrid() },
    ]);
    env.counter.paused(() => {
      env.schools
        .get(id(1))!
        .addDeveloperMetadata(
          "mip.lastReport",
          JSON.stringify({ url: `https://docs.google.com/open?id=${docId}`, name: "Отчёт" }),
        );
      env.schools
        .get(id(2))!
        .addDeveloperMetadata("mip.lastReport", JSON.stringify({ url: '=HYPERLINK("http://evil","x")' }));
    });
    env.run("committeeRefresh");
    const rows = summaryValues(env);
    expect(rows[1]![col("Отчёт")]).toBe(`https://docs.google.com/document/d/${docId}`);
    expect(String(rows[2]![col("Отчёт")])).not.toContain("evil");
  });

  it("a second refresh while one holds the lock does nothing", () => {
    const env = committeeEnv(mixed());
    const held = env.fake.lockService.getDocumentLock();
    expect(held.tryLock(0)).toBe(true);
    const outcome = env.run("committeeHourlyRefresh") as { kind: string };
    expect(outcome.kind).toBe("busy");
    expect(summaryValues(env).length).toBeLessThanOrEqual(1);
    held.releaseLock();
    expect((env.run("committeeHourlyRefresh") as { kind: string }).kind).toBe("finished");
  });

  it(
    "the hourly trigger works without an active spreadsheet when the deployment is " +
      "granted the full spreadsheets scope (opens the committee's by its stored id)",
    () => {
      const env = committeeEnv(mixed().slice(0, 2), { extraScopes: [FULL_SPREADSHEETS] });
      env.run("committeeEnableHourly");
      const app = env.fake.spreadsheetApp as unknown as { _active: unknown; _others: Map<string, unknown> };
      app._others.set(env.committee._id, env.committee);
      app._active = null;
      const outcome = env.run("committeeHourlyRefresh") as { kind: string };
      expect(outcome.kind).toBe("finished");
      expect(
        summaryValues(env)
          .slice(1, 3)
          .map((r) => r[col("Состояние")]),
      ).toEqual(["ОК", "ОК"]);
    },
  );

  it("a run killed midway leaves every earlier row whole; the next run finishes", () => {
    const schools = Array.from({ length: 5 }, (_, n) => ({
      id: id(n),
      organisation: `Школа ${n}`,
      grid: schoolGrid({ shortName: `Школа ${n}` }),
    }));
    const env = committeeEnv(schools);
    env.run("committeeRefresh");
    const before = summaryValues(env)
      .slice(1, 6)
      .map((r) => r.slice(0, SUMMARY_ALL_HEADERS.length));
    for (const s of schools) env.modified.set(s.id, "2022-12-19T00:00:00.000Z");
    const sheet = env.committee._sheets.find((s) => s._name === "Свод")!;
    const range = sheet.getRange(2, 1) as unknown as { setValues(v: unknown[][]): unknown };
    const proto = Object.getPrototypeOf(range) as { setValues(v: unknown[][]): unknown };
    const original = proto.setValues;
    let writes = 0;
    proto.setValues = function (this: unknown, v: unknown[][]) {
      if (++writes === 3) throw new Error("Exceeded maximum execution time");
      return original.call(this, v);
    };
    try {
      env.run("committeeHourlyRefresh");
    } finally {
      proto.setValues = original;
    }
    const after = summaryValues(env)
      .slice(1, 6)
      .map((r) => r.slice(0, SUMMARY_ALL_HEADERS.length));
    expect(after.slice(2)).toEqual(before.slice(2));
    for (const row of after) expect(row[col("Состояние")]).toBe("ОК");
    env.run("committeeHourlyRefresh");
    expect(
      summaryValues(env)
        .slice(1, 6)
        .map((r) => r[col("Изменена")]),
    ).toEqual(Array(5).fill("2022-12-19T00:00:00.000Z"));
  });

  it("switches the hourly trigger on and off", () => {
    const env = committeeEnv([]);
    env.run("committeeEnableHourly");
    env.run("committeeEnableHourly");
    expect(env.triggers()).toEqual([{ handler: "committeeHourlyRefresh", everyHours: 1, afterMs: null }]);
    env.run("committeeDisableHourly");
    expect(env.triggers()).toEqual([]);
  });

  it("makes the справка as a Google Doc from the stored rows", () => {
    const env = committeeEnv(mixed());
    env.run("committeeRefresh");
    env.counter.reset();
    const made = env.run("committeeMakeSummary") as { url: string; name: string };
    expect(made.name).toBe("Сводка по МИП — 20.12.2022");
    expect(env.counter.count("Sheets.Spreadsheets.Values.batchGet")).toBe(0);
    const again = env.run("committeeMakeSummary") as { name: string };
    expect(again.name).toBe("Сводка по МИП — 20.12.2022 (2)");
    const docs = [...env.fake.documentApp._documents.values()];
    expect(docs).toHaveLength(2);
    // Made by one upload (no DocumentApp call); the link is Drive's webViewLink of the new file.
    expect(env.counter.countPrefix("DocumentApp")).toBe(0);
    expect(env.counter.count("Drive.Files.create")).toBeGreaterThanOrEqual(1);
    expect(made.url).toBe(`https://docs.google.com/document/d/${docs[0]!._id}/edit?usp=drivesdk`);
    // …and it was uploaded into the add-on's own folder.
    const parent = env.counter.paused(() =>
      env.fake.drive._files.get(env.fake.drive._files.get(docs[0]!._id)!.parents[0]!)!,
    );
    expect(parent.folder && parent.id !== env.fake.drive.rootId).toBe(true);
    const text = env.counter
      .paused(() => documentStructure(docs[0]!))
      .map((e) => ("text" in e ? e.text : "rows" in e ? e.rows.flat().join(" | ") : ""))
      .join("\n");
    expect(text).toContain("СВОДКА ПО МИП");
    expect(text).toContain("Приложение. Итоги проверки таблиц МИП");
    expect(text).toContain("Нет доступа");
    expect(text).toContain(MALICIOUS[4]);
  });
});

describe("school reader: dates by the workbook's locale", () => {
  it("knows the month-first locales from a small explicit list", () => {
    for (const l of ["en_US", "en-US", "en_PH", "fil_PH", "en"]) expect(monthFirstLocale(l), l).toBe(true);
    for (const l of ["ru_RU", "en_GB", "de_DE", "es_US", "uk_UA", "", null, undefined])
      expect(monthFirstLocale(l), String(l)).toBe(false);
  });

  it("rewrites M/D/YYYY (with a time, 12- or 24-hour) as DD.MM.YYYY and leaves everything else alone", () => {
    expect(dayFirstDate("3/5/2022")).toBe("05.03.2022");
    expect(dayFirstDate(" 12/31/2022 ")).toBe("31.12.2022");
    expect(dayFirstDate("3/5/2022 14:30:00")).toBe("05.03.2022 14:30:00");
    expect(dayFirstDate("3/5/2022 2:30 PM")).toBe("05.03.2022 14:30");
    expect(dayFirstDate("3/5/2022 12:05:09 AM")).toBe("05.03.2022 00:05:09");
    for (const text of ["13/5/2022", "05.03.2022", "3/5", "1/2 ставки", "3/5/22", "2022-03-05", "раз в 3/4 года"])
      expect(dayFirstDate(text)).toBe(text);
  });

  it("apiCell applies it only for a month-first workbook; errors and numbers are untouched", () => {
    expect(apiCell("3/5/2022", true)).toBe("05.03.2022");
    expect(apiCell("3/5/2022", false)).toBe("3/5/2022");
    expect(apiCell("3/5/2022")).toBe("3/5/2022");
    expect(apiCell("#REF!", true)).toEqual({ kind: "error", code: "#REF!" });
    expect(apiCell(44625, true)).toBe(44625);
    expect(apiCell("", true)).toBeNull();
  });
});
