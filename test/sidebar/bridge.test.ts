/** The sidebar's pure parts in Node: plurals, the google.script.run bridge, failure wording, link policy. */
import { describe, expect, it } from "vitest";
import { type ScriptRunner, ServerCallError, classifyFailure, createBridge } from "../../sidebar/bridge.js";
import { safeDocsUrl } from "../../sidebar/dom.js";
import { ERRORS, FINDINGS, INFOS, WARNINGS, duration, percent, plural } from "../../sidebar/format.js";
import { failureMessage } from "../../sidebar/messages.js";
import { locationText, reportTitle } from "../../sidebar/render.js";
import { issue } from "./fixtures.js";
import { SERVER_FUNCTIONS, SIDEBAR_CALLS } from "../../src/sidebar-calls.js";
import { userMessage } from "../../src/gas/errors.js";

describe("Russian plurals", () => {
  it.each([
    [0, "0 ошибок"],
    [1, "1 ошибка"],
    [2, "2 ошибки"],
    [4, "4 ошибки"],
    [5, "5 ошибок"],
    [11, "11 ошибок"],
    [12, "12 ошибок"],
    [21, "21 ошибка"],
    [22, "22 ошибки"],
    [25, "25 ошибок"],
    [101, "101 ошибка"],
    [111, "111 ошибок"],
  ])("%i → %s", (n, text) => {
    expect(plural(n, ERRORS)).toBe(text);
  });

  it("words warnings, infos and findings", () => {
    expect([1, 3, 5].map((n) => plural(n, WARNINGS))).toEqual([
      "1 предупреждение",
      "3 предупреждения",
      "5 предупреждений",
    ]);
    expect([1, 3, 5].map((n) => plural(n, INFOS))).toEqual(["1 замечание", "3 замечания", "5 замечаний"]);
    expect([1, 3, 5].map((n) => plural(n, FINDINGS))).toEqual(["1 находка", "3 находки", "5 находок"]);
  });

  it("formats shares and durations", () => {
    expect(percent(0.996)).toBe("99 %");
    expect(percent(1)).toBe("100 %");
    expect(percent(Number.NaN)).toBe("0 %");
    expect(percent(1.7)).toBe("100 %");
    expect(duration(30_000)).toBe("30 секунд");
    expect(duration(1_000)).toBe("1 секунду");
    expect(duration(370_000)).toBe("6 минут");
  });
});

/** A google.script.run look-alike whose server answers are scripted. */
function fakeRunner(
  answer: (name: string, args: unknown[]) => { ok: unknown } | { fail: unknown } | "never" | "throw",
  names = ["sidebarGetState", "sidebarValidate", "sidebarSelectCell", "sidebarGenerateReport"],
): ScriptRunner {
  const make = (success?: (v: unknown) => void, failure?: (e: unknown) => void): ScriptRunner => {
    const runner: ScriptRunner = {
      withSuccessHandler: (fn) => make(fn, failure),
      withFailureHandler: (fn) => make(success, fn),
      withUserObject: () => make(success, failure),
    };
    for (const name of names) {
      runner[name] = (...args: unknown[]) => {
        const result = answer(name, args);
        if (result === "throw") throw new TypeError("Failed due to illegal value");
        if (result === "never") return;
        setTimeout(() => ("ok" in result ? success?.(result.ok) : failure?.(result.fail)), 1);
      };
    }
    return runner;
  };
  return make();
}

const timeouts = { timeoutMs: () => 50 };

describe("google.script.run bridge", () => {
  it("resolves with the server's value and passes the arguments", async () => {
    const seen: unknown[] = [];
    const bridge = createBridge({
      ...timeouts,
      runner: () =>
        fakeRunner((name, args) => {
          seen.push([name, ...args]);
          return { ok: null };
        }),
    });
    await expect(bridge.call("sidebarSelectCell", "План-факт", "L7")).resolves.toBeNull();
    expect(seen).toEqual([["sidebarSelectCell", "План-факт", "L7"]]);
  });

  it("rejects with a classified error on failure", async () => {
    const bridge = createBridge({
      ...timeouts,
      runner: () => fakeRunner(() => ({ fail: new Error("Authorization is required to perform that action.") })),
    });
    const error = await bridge.call("sidebarValidate").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerCallError);
    expect((error as ServerCallError).kind).toBe("auth");
    expect((error as ServerCallError).functionName).toBe("sidebarValidate");
  });

  it("times out a call that never answers, and ignores a late answer", async () => {
    let late: ((v: unknown) => void) | undefined;
    const runner = fakeRunner(() => "never");
    const capturing: ScriptRunner = {
      ...runner,
      withSuccessHandler: (fn) => {
        late = fn;
        return runner.withSuccessHandler(fn);
      },
    };
    const bridge = createBridge({ ...timeouts, runner: () => capturing });
    const error = await bridge.call("sidebarGenerateReport").catch((e: unknown) => e);
    expect((error as ServerCallError).kind).toBe("timeout");
    expect((error as ServerCallError).timeoutMs).toBe(50);
    expect(() => late?.({ kind: "created" })).not.toThrow();
  });

  it("reports a missing google.script.run, a missing function and an illegal argument", async () => {
    await expect(createBridge({ ...timeouts, runner: () => undefined }).call("sidebarGetState")).rejects.toMatchObject({
      kind: "unavailable",
    });
    const partial = fakeRunner(() => ({ ok: 1 }), ["sidebarValidate"]);
    await expect(createBridge({ ...timeouts, runner: () => partial }).call("sidebarGetState")).rejects.toMatchObject({
      kind: "unavailable",
    });
    await expect(
      createBridge({ ...timeouts, runner: () => fakeRunner(() => "throw") }).call("sidebarGetState"),
    ).rejects.toMatchObject({ kind: "server" });
  });

  it.each([
    ["Authorization is required to perform that action.", "auth"],
    ["ScriptError: You do not have permission to call SpreadsheetApp.openById", "auth"],
    ["Service invoked too many times for one day: docs create.", "quota"],
    ["Too many simultaneous invocations: Spreadsheets", "quota"],
    ["Exceeded maximum execution time", "limit"],
    ["NetworkError: Connection failure due to HTTP 0", "network"],
    ["TypeError: Cannot read properties of undefined", "server"],
  ] as const)("classifies %s as %s", (text, kind) => {
    expect(classifyFailure(text)).toBe(kind);
  });

  it("words every failure in Russian and keeps our own Russian server messages", () => {
    const kinds = ["timeout", "auth", "quota", "limit", "network", "unavailable", "server"] as const;
    for (const kind of kinds) {
      const message = failureMessage(
        new ServerCallError(kind, "sidebarGenerateReport", "Some English detail", 370_000),
        "sidebarGenerateReport",
      );
      expect(message.text).toMatch(/^Не удалось сформировать отчёт/);
      expect(message.text).not.toContain("English");
      expect(message.detail === null || message.detail === "Some English detail").toBe(true);
    }
    expect(
      failureMessage(new ServerCallError("timeout", "sidebarValidate", "", 120_000), "sidebarValidate").text,
    ).toContain("за 2 минуты");
    const own = failureMessage(
      new ServerCallError(
        "server",
        "sidebarGenerateReport",
        "Папка для отчётов не найдена: проверьте ссылку в «Настройках».",
      ),
      "sidebarGenerateReport",
    );
    expect(own.text).toBe(
      "Не удалось сформировать отчёт. Папка для отчётов не найдена: проверьте ссылку в «Настройках».",
    );
    // The server already words it fully («Не удалось …»): not repeated, Google's prefix dropped.
    const full = failureMessage(
      new ServerCallError("server", "sidebarValidate", "Error: Не удалось проверить таблицу. Причина: x is undefined"),
      "sidebarValidate",
    );
    expect(full.text).toBe("Не удалось проверить таблицу. Причина: x is undefined");
    // A classified failure wrapped by the server shows only the technical cause as detail.
    const wrapped = failureMessage(
      new ServerCallError(
        "auth",
        "sidebarValidate",
        "Не удалось проверить таблицу. Причина: Authorization is required to perform that action.",
      ),
      "sidebarValidate",
    );
    expect(wrapped.text).toContain("нет разрешения");
    expect(wrapped.detail).toBe("Authorization is required to perform that action.");
  });
});

describe("link policy and wording", () => {
  it.each([
    ["https://docs.google.com/document/d/abc/edit", "https://docs.google.com/document/d/abc/edit"],
    ["https://drive.google.com/file/d/abc/view", "https://drive.google.com/file/d/abc/view"],
    ["https://drive.google.com.evil.example/file/d/abc", null],
    ["http://drive.google.com/file/d/abc", null],
    ["javascript:alert(1)", null],
    ["JAVASCRIPT:alert(1)", null],
    ["http://docs.google.com/document/d/abc", null],
    ["https://docs.google.com.evil.example/document", null],
    ["https://user@docs.google.com/document", null],
    ["https://evil.example/?https://docs.google.com/", null],
    ["//docs.google.com/document", null],
    ["data:text/html,<script>1</script>", null],
    [42, null],
  ])("%s → %s", (url, expected) => {
    expect(safeDocsUrl(url)).toBe(expected);
  });

  it("titles the report and locates findings", () => {
    expect(reportTitle("Итоговый", "2019-2020 учебный год")).toBe("Итоговый отчёт за 2019-2020 учебный год");
    expect(reportTitle("промежуточный ", "")).toBe("Промежуточный отчёт");
    expect(reportTitle("", "")).toBe("Вид отчёта не указан · период не указан");
    expect(locationText(issue("PLAN_STATUS_MISSING", "План-факт", "H7", "", null, "Статус"))).toBe("H7 · Статус");
    expect(locationText(issue("MENT_LOAD_EXCEEDED", "Наставничество", null, "", 5))).toBe("строка 5");
    expect(locationText(issue("PROB_TOO_FEW", "Затруднения", null, ""))).toBe("вся вкладка");
  });
});

describe("one record per server function", () => {
  it("the sidebar words each function's failure with its record's phrase, and the server's message is accepted as it is", () => {
    for (const name of SERVER_FUNCTIONS) {
      const { action, timeoutMs } = SIDEBAR_CALLS[name];
      const late = failureMessage(new ServerCallError("timeout", name, "", timeoutMs), name).text;
      expect(late).toMatch(new RegExp(`^Не удалось ${action}: сервер Google не ответил за ${duration(timeoutMs)}\\.`));
      // What the server throws for the same function (main.ts: userMessage with the record's phrase).
      const server = userMessage(new Error("x is undefined"), action);
      expect(failureMessage(new ServerCallError("server", name, server), name).text).toBe(
        `Не удалось ${action}. Причина: x is undefined`,
      );
    }
  });
});
