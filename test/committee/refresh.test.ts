import { describe, expect, it } from "vitest";
import {
  CHECKPOINT_MS,
  SUMMARY_ALL_HEADERS,
  failureState,
  stateText,
  progressText,
  refreshBatch,
  summaryColumn,
  type RefreshCursor,
} from "../../src/core/committee/index.js";
import { sampleGrid } from "../../src/demo/sample.js";
import { MALICIOUS, schoolGrid } from "./fixtures.js";
import { type FakeSchool, MemoryPorts, RunKilled } from "./memory-ports.js";

/** A failure as the Свод cell shows it. */
const failureText = (error: unknown): string => stateText(failureState(error));

const id = (n: number) => `school${String(n).padStart(3, "0")}_abcdefghijklmnopqrstuvwxyz`;

function mixedRegistry(): FakeSchool[] {
  return [
    { id: id(1), organisation: "МОУ «СОШ № 4»", grid: sampleGrid() },
    { id: id(2), organisation: "", grid: schoolGrid({ shortName: MALICIOUS[0], reportType: MALICIOUS[1] }) },
    {
      id: id(3),
      organisation: "МОУ «Закрытая СОШ»",
      error: "You do not have permission to access the requested document.",
    },
    { id: id(4), organisation: "МОУ «Удалённая СОШ»", error: "Requested entity was not found.", drive: true },
    { id: id(5), organisation: "Бухгалтерия", grid: { tabs: [{ title: "Бюджет", rows: [["Статья"]] }] } },
    { id: null, organisation: "МОУ «Без ссылки»" },
    {
      id: id(7),
      organisation: "МОУ «Старая СОШ»",
      grid: schoolGrid({ shortName: "МОУ «Старая СОШ»", templateVersion: "0" }),
    },
    { id: id(8), organisation: "МОУ «Сломанная СОШ»", error: "Service Spreadsheets timed out" },
  ];
}

const state = (ports: MemoryPorts, i: number) => ports.rows[i]?.values[summaryColumn("Состояние")];

describe("committee refresh", () => {
  it("gives every school a state and never stops at a broken one", () => {
    const ports = new MemoryPorts(mixedRegistry());
    const result = refreshBatch(ports, null, 60_000);
    expect(result.cursor).toBeNull();
    expect(ports.rows.map((_, i) => state(ports, i))).toEqual([
      "ОК",
      "ОК",
      "Нет доступа",
      "Ошибка чтения: таблица не найдена или удалена",
      "Не шаблон МИП",
      "Нет ссылки",
      "Старая версия шаблона",
      "Ошибка чтения: Service Spreadsheets timed out",
    ]);
    expect(ports.rows.map((r) => r?.tone)).toEqual([
      "errors",
      "errors",
      "unreadable",
      "unreadable",
      "unreadable",
      "unreadable",
      expect.stringMatching(/errors|warnings/),
      "unreadable",
    ]);
    expect(result.failed).toBe(4);
    expect(ports.progressLog.at(-1)).toBe("8/8 done");
  });

  it("writes every row whole, in one call, with every column", () => {
    const ports = new MemoryPorts(mixedRegistry());
    refreshBatch(ports, null, 60_000);
    expect(ports.writes).toHaveLength(8);
    for (const w of ports.writes) expect(w.row.values).toHaveLength(SUMMARY_ALL_HEADERS.length);
    expect(new Set(ports.writes.map((w) => w.index)).size).toBe(8);
  });

  it("uses the registry's organisation name, else the school's own", () => {
    const ports = new MemoryPorts(mixedRegistry());
    refreshBatch(ports, null, 60_000);
    expect(ports.rows[0]?.values[0]).toBe("МОУ «СОШ № 4»");
    expect(ports.rows[1]?.values[0]).toBe(MALICIOUS[0]);
    expect(ports.rows[1]?.values[summaryColumn("Вид отчёта")]).toBe(MALICIOUS[1]);
  });

  it("continues across runs under a time budget until the registry is done", () => {
    const schools = Array.from({ length: 25 }, (_, n) => ({
      id: id(n),
      organisation: `Школа ${n}`,
      grid: schoolGrid({ shortName: `Школа ${n}` }),
    }));
    const ports = new MemoryPorts(schools);
    let cursor: RefreshCursor | null = null;
    let runs = 0;
    do {
      ports.clock += 3_600_000;
      cursor = refreshBatch(ports, cursor, 5_000).cursor;
      runs++;
    } while (cursor && runs < 50);
    expect(cursor).toBeNull();
    // 1,050 ms per school → 4 schools fit in 5 s; 25 schools need 7 runs.
    expect(runs).toBe(7);
    expect(ports.opened).toHaveLength(25);
    expect(ports.rows.filter(Boolean)).toHaveLength(25);
    expect(ports.progressLog.slice(0, 2)).toEqual(["4/25", "8/25"]);
  });

  it("skips unchanged workbooks and re-reads changed ones", () => {
    const schools = Array.from({ length: 5 }, (_, n) => ({
      id: id(n),
      organisation: `Школа ${n}`,
      grid: schoolGrid({ shortName: `Школа ${n}` }),
      modified: "2022-12-01T00:00:00.000Z",
    }));
    const ports = new MemoryPorts(schools);
    refreshBatch(ports, null, 60_000);
    ports.opened = [];
    const second = refreshBatch(ports, null, 60_000);
    expect(ports.opened).toEqual([]);
    expect(second.skipped).toBe(5);
    schools[3]!.modified = "2022-12-02T00:00:00.000Z";
    refreshBatch(ports, null, 60_000);
    expect(ports.opened).toEqual([id(3)]);
  });

  it("re-tries schools that failed last time even when unchanged", () => {
    const schools: FakeSchool[] = [{ id: id(1), organisation: "A", error: "Service error" }];
    const ports = new MemoryPorts(schools);
    refreshBatch(ports, null, 60_000);
    delete schools[0]!.error;
    schools[0]!.grid = schoolGrid({ shortName: "A" });
    refreshBatch(ports, null, 60_000);
    expect(state(ports, 0)).toBe("ОК");
  });

  it("an interrupted run leaves previous rows whole and the next run completes", () => {
    const schools = Array.from({ length: 4 }, (_, n) => ({
      id: id(n),
      organisation: `Школа ${n}`,
      grid: schoolGrid({ shortName: `Школа ${n}` }),
      modified: "a",
    }));
    const ports = new MemoryPorts(schools);
    refreshBatch(ports, null, 60_000);
    const before = ports.rows.map((r) => r!.values.join("|"));
    for (const s of schools) s.modified = "b";
    ports.failWriteAt = ports.writes.length + 2;
    expect(() => refreshBatch(ports, null, 60_000)).toThrow();
    // Rows 0–1 rewritten, rows 2–3 untouched: never a half row.
    expect(ports.rows.slice(2).map((r) => r!.values.join("|"))).toEqual(before.slice(2));
    for (const r of ports.rows) expect(r!.values).toHaveLength(SUMMARY_ALL_HEADERS.length);
    ports.failWriteAt = null;
    refreshBatch(ports, null, 60_000);
    expect(ports.rows.map((r) => r!.values[summaryColumn("Изменена")])).toEqual(["b", "b", "b", "b"]);
  });

  it("drops rows of schools removed from the registry", () => {
    const schools = Array.from({ length: 3 }, (_, n) => ({
      id: id(n),
      organisation: `Школа ${n}`,
      grid: schoolGrid({ shortName: `Школа ${n}` }),
    }));
    const ports = new MemoryPorts(schools);
    refreshBatch(ports, null, 60_000);
    schools.pop();
    refreshBatch(ports, null, 60_000);
    expect(ports.rows).toHaveLength(2);
  });

  const QUOTA =
    "GoogleJsonResponseException: API call to sheets.spreadsheets.values.batchGet " +
    "failed with error: Quota exceeded for quota metric 'Read requests' and " +
    "limit 'Read requests per minute per user' of service 'sheets.googleapis.com'";

  it("a rate limit pauses the batch at that school: its good row stays, the cursor points at it, the next run reads it", () => {
    const schools: FakeSchool[] = Array.from({ length: 5 }, (_, n) => ({
      id: id(n),
      organisation: `Школа ${n}`,
      grid: schoolGrid({ shortName: `Школа ${n}` }),
      modified: "a",
    }));
    const ports = new MemoryPorts(schools);
    refreshBatch(ports, null, 60_000);
    const good = ports.rows[2]!.values.join("|");
    for (const s of schools) s.modified = "b";
    schools[2]!.error = QUOTA;
    ports.writes = [];
    const paused = refreshBatch(ports, null, 60_000);
    expect(paused.pause).toBe("rate");
    expect(paused.cursor).toMatchObject({ next: 2, total: 5 });
    expect(paused.processed).toBe(2);
    expect(paused.failed).toBe(0);
    expect(ports.writes.map((w) => w.index)).toEqual([0, 1]);
    expect(ports.rows[2]!.values.join("|")).toBe(good);
    expect(ports.progressLog.at(-1)).toBe("2/5");
    delete schools[2]!.error;
    ports.opened = [];
    const next = refreshBatch(ports, paused.cursor, 60_000);
    expect(next).toMatchObject({ cursor: null, pause: null });
    expect(ports.opened).toEqual([id(2), id(3), id(4)]);
    expect(ports.rows.map((r) => r!.values[summaryColumn("Изменена")])).toEqual(["b", "b", "b", "b", "b"]);
  });

  it("every form of Google's rate limit is a pause, on the Drive read as well; other errors are not", () => {
    for (const message of [
      QUOTA,
      "Exception: Service invoked too many times for one day: spreadsheets.",
      "Exception: Service invoked too many times in a short time: drive. Try Utilities.sleep(1000) between calls.",
      "GoogleJsonResponseException: API call to drive.files.get failed with error: User Rate Limit Exceeded",
      "Request failed with status 429",
      "Rate Limit Exceeded",
    ]) {
      const ports = new MemoryPorts([
        { id: id(1), organisation: "A", error: message, drive: true },
        { id: id(2), organisation: "B", grid: sampleGrid() },
      ]);
      const result = refreshBatch(ports, null, 60_000);
      expect(result, message).toMatchObject({
        pause: /for one day/.test(message) ? "day" : "rate",
        cursor: { next: 0 },
        processed: 0,
      });
      expect(ports.writes, message).toEqual([]);
    }
    const ports = new MemoryPorts([{ id: id(1), organisation: "A", error: "Service Spreadsheets timed out" }]);
    expect(refreshBatch(ports, null, 60_000).pause).toBe(null);
    expect(state(ports, 0)).toBe("Ошибка чтения: Service Spreadsheets timed out");
  });

  it("a missing OAuth scope of the add-on is not a school's «Нет доступа»", () => {
    expect(
      failureText(
        new Error(
          "Exception: Specified permissions are not sufficient to call SpreadsheetApp.openById. " +
            "Required permissions: https://www.googleapis.com/auth/spreadsheets",
        ),
      ),
    ).toBe("Ошибка чтения: дополнению не хватает разрешения «spreadsheets» (см. README, «Разрешения»)");
    expect(
      failureText(
        new Error(
          "You do not have permission to call SpreadsheetApp.openById. " +
            "Required permissions: https://www.googleapis.com/auth/spreadsheets",
        ),
      ),
    ).toMatch(/^Ошибка чтения: дополнению не хватает разрешения «spreadsheets»/);
    expect(
      failureText(
        new Error(
          "GoogleJsonResponseException: API call to sheets.spreadsheets.get " +
            "failed with error: Request had insufficient authentication scopes.",
        ),
      ),
    ).toMatch(/^Ошибка чтения: дополнению не хватает разрешений Google/);
    expect(failureText(new Error("The caller does not have permission"))).toBe("Нет доступа");
  });

  /** One Apps Script run: continues from the persisted cursor, killed past 6 minutes of the clock. */
  function appsScriptRun(ports: MemoryPorts): "killed" | ReturnType<typeof refreshBatch> {
    ports.clock += 3_600_000;
    ports.deadline = ports.clock + 360_000;
    try {
      const result = refreshBatch(ports, ports.saved, 270_000);
      ports.saved = result.cursor;
      return result;
    } catch (error) {
      if (error instanceof RunKilled) return "killed";
      throw error;
    } finally {
      ports.deadline = null;
    }
  }

  it("checkpoints the cursor at a run's start and then at most every 20 s of the clock, not per school", () => {
    const schools = Array.from({ length: 60 }, (_, n) => ({
      id: id(n),
      organisation: `Школа ${n}`,
      grid: schoolGrid({ shortName: `Школа ${n}` }),
    }));
    const ports = new MemoryPorts(schools);
    const started = ports.clock;
    refreshBatch(ports, null, 60_000);
    // 1,050 ms per school: 57 schools fit in 60 s, checkpoints before schools 0, 20, 40 (≥ 20 s apart).
    expect(ports.checkpoints.map((c) => c.cursor.next)).toEqual([0, 20, 40]);
    expect(ports.checkpoints[0]).toEqual({
      at: started,
      cursor: { next: 0, total: 60, startedAt: `t${started}`, current: 0 },
    });
    const gaps = ports.checkpoints.slice(1).map((c, i) => c.at - ports.checkpoints[i]!.at);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(CHECKPOINT_MS);
  });

  it(
    "a run killed at 6 minutes keeps its progress; a school that was " +
      "being read when two runs died is written as too slow and skipped",
    () => {
      const schools: FakeSchool[] = Array.from({ length: 10 }, (_, n) => ({
        id: id(n),
        organisation: `Школа ${n}`,
        grid: schoolGrid({ shortName: `Школа ${n}` }),
      }));
      schools[7]!.openCost = 400_000;
      const ports = new MemoryPorts(schools);
      ports.openCost = 4_000;
      // Run 1: checkpoints before school 0 and (20 s later) school 5, dies reading school 7.
      expect(appsScriptRun(ports)).toBe("killed");
      expect(ports.rows.filter(Boolean)).toHaveLength(7);
      expect(ports.saved).toMatchObject({ next: 5, current: 5 });
      // Run 2 knows the previous run died: it starts at 5 (not 0), checkpoints before every school
      // (5 and 6 are unchanged since run 1 read them, so only 7 is opened).
      ports.opened = [];
      ports.checkpoints = [];
      expect(appsScriptRun(ports)).toBe("killed");
      expect(ports.opened).toEqual([id(7)]);
      expect(ports.checkpoints.map((c) => c.cursor.current)).toEqual([5, 6, 7]);
      expect(ports.saved).toMatchObject({ next: 7, current: 7, suspect: { index: 5, times: 1 } });
      // Run 3 dies on school 7 again; run 4 writes it as too slow and finishes the rest.
      expect(appsScriptRun(ports)).toBe("killed");
      expect(ports.saved).toMatchObject({ next: 7, current: 7, suspect: { index: 7, times: 1 } });
      ports.opened = [];
      const last = appsScriptRun(ports);
      expect(last).toMatchObject({ cursor: null, failed: 1 });
      expect(ports.opened).toEqual([id(8), id(9)]);
      expect(ports.rows.map((_, i) => state(ports, i))).toEqual([
        ...Array(7).fill("ОК"),
        "Ошибка чтения: таблица читается слишком долго",
        "ОК",
        "ОК",
      ]);
      // The next refresh does not read it again until the workbook changes.
      ports.opened = [];
      appsScriptRun(ports);
      expect(ports.opened).toEqual([]);
      schools[7]!.modified = "2022-12-02T00:00:00.000Z";
      schools[7]!.openCost = 4_000;
      appsScriptRun(ports);
      expect(ports.opened).toEqual([id(7)]);
      expect(state(ports, 7)).toBe("ОК");
    },
  );

  it("a school in progress when one run died, read fine by the next, is not marked", () => {
    const schools: FakeSchool[] = Array.from({ length: 4 }, (_, n) => ({
      id: id(n),
      organisation: `Школа ${n}`,
      grid: schoolGrid({ shortName: `Школа ${n}` }),
    }));
    schools[2]!.openCost = 400_000;
    const ports = new MemoryPorts(schools);
    expect(appsScriptRun(ports)).toBe("killed");
    schools[2]!.openCost = 1_000;
    expect(appsScriptRun(ports)).toMatchObject({ cursor: null, failed: 0 });
    expect(ports.rows.map((_, i) => state(ports, i))).toEqual(Array(4).fill("ОК"));
  });

  it("classifies failures", () => {
    expect(failureText(new Error("Exception: You do not have permission to access the requested document."))).toBe(
      "Нет доступа",
    );
    expect(failureText(new Error("Requested entity was not found."))).toBe(
      "Ошибка чтения: таблица не найдена или удалена",
    );
    expect(failureText("boom")).toBe("Ошибка чтения: boom");
  });

  it("progress reads «обновлено 240 из 1000»", () => {
    expect(progressText(240, 1000, false, "")).toBe("обновлено 240 из 1000, обновление продолжается");
    expect(progressText(1000, 1000, true, "20.12.2022 10:00")).toBe("обновлено 1000 из 1000 — 20.12.2022 10:00");
    expect(progressText(240, 1000, false, "", "hourly")).toBe(
      "обновлено 240 из 1000, продолжится при ежечасном обновлении или по «Обновить свод»",
    );
    expect(progressText(240, 1000, false, "", "manual")).toBe(
      "обновлено 240 из 1000, продолжится при следующем «Обновить свод»",
    );
    expect(progressText(240, 1000, false, "", "minute", "rate")).toBe(
      "обновлено 240 из 1000, пауза: Google ограничил частоту чтения таблиц, обновление продолжается",
    );
    expect(progressText(240, 1000, false, "", "manual", "day")).toBe(
      "обновлено 240 из 1000, пауза: исчерпан суточный лимит Google, продолжится при следующем «Обновить свод»",
    );
  });
});
