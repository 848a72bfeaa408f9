import { describe, expect, it } from "vitest";
import type { SidebarState } from "../../src/api.js";
import type { Issue } from "../../src/core/issues.js";
import { RULE_FAMILIES } from "../../src/core/rules/index.js";
import { CallCounter, WHITE, spreadsheetFromGrid } from "./fake/index.js";
import { NOW, sampleGrid } from "./fixtures.js";
import { cellAt, lastAlert } from "./inspect.js";
import { createGasEnvironment } from "./load-bundle.js";

const COLOURS = { error: "#f4cccc", warning: "#fce8b2", info: "#d2e3fc" } as const;
const RANK = { error: 0, warning: 1, info: 2 } as const;

function setUp() {
  const counter = new CallCounter();
  const ss = spreadsheetFromGrid(sampleGrid(), counter);
  const env = createGasEnvironment({ spreadsheet: ss, counter, now: NOW });
  return { env, ss };
}

/** Expected strongest severity per «sheet!cell» for findings that name a cell. */
function expectedMarks(issues: readonly Issue[]): Map<string, Issue["severity"]> {
  const marks = new Map<string, Issue["severity"]>();
  for (const i of issues) {
    if (!i.cell) continue;
    const key = `${i.sheet}!${i.cell}`;
    const was = marks.get(key);
    if (!was || RANK[i.severity] < RANK[was]) marks.set(key, i.severity);
  }
  return marks;
}

describe("validation marks", () => {
  it("colour every finding's cell by severity and put the message in its note, leaving the user's formatting and notes alone", () => {
    const { env, ss } = setUp();
    const state0 = env.call<SidebarState>("sidebarGetState");
    const target = state0.issues.find((i) => i.cell && i.severity === "error")!;
    expect(target, "the sample has an error with a cell").toBeDefined();
    const sheet = ss._sheet(target.sheet);
    // The user's own colour and note on a cell that will be marked, and on one that will not.
    sheet.getRange(target.cell!).setBackground("#123456").setNote("Проверить с завучем");
    sheet.getRange("Z40").setBackground("#abcdef").setNote("моё");
    const before = env.fake.snapshot() as { spreadsheet: unknown };

    env.counter.reset();
    env.fns.menuValidate!();
    const state = env.call<SidebarState>("sidebarGetState");
    const marks = expectedMarks(state.issues);
    expect(marks.size).toBeGreaterThan(0);
    for (const [where, severity] of marks) {
      const [title, a1] = where.split("!") as [string, string];
      const cell = cellAt(ss._sheet(title), a1);
      expect(cell.background, where).toBe(COLOURS[severity]);
      for (const issue of state.issues.filter((i) => i.sheet === title && i.cell === a1))
        expect(cell.data.note).toContain(issue.message);
    }
    // Underneath, the user's background is untouched; their note comes first, unchanged.
    const marked = cellAt(sheet, target.cell!);
    expect(marked.data.background).toBe("#123456");
    expect(marked.data.note.startsWith("Проверить с завучем\n\n")).toBe(true);
    expect(cellAt(sheet, "Z40").background).toBe("#abcdef");
    expect(cellAt(sheet, "A40").background).toBe(WHITE);
    // Only what was found is counted: no «0 замечаний».
    expect(env.fake.spreadsheet._toasts.at(-1)!.msg).toMatch(/^Найдено: \d+ ошиб[а-я]+, \d+ предупрежден[а-я]+\. /);

    // Batched per tab: never one call per cell.
    expect(env.counter.count("Range.setNote")).toBe(0);
    expect(env.counter.count("Range.setBackground")).toBe(0);
    expect(env.counter.count("Range.setBackgrounds")).toBe(0);
    expect(env.counter.count("Range.setNotes")).toBeLessThanOrEqual(new Set(state.issues.map((i) => i.sheet)).size);

    // «Убрать подсветку» restores the spreadsheet exactly as it was — but for the change stamp
    // the check wrote for the committee (developer metadata, invisible to the user).
    env.fns.menuClearMarks!();
    type Snap = { sheets: unknown; metadata: { key: string }[]; namedRanges: unknown };
    const withoutStamp = (snap: unknown) => {
      const { metadata, ...rest } = snap as Snap;
      return { ...rest, metadata: metadata.filter((m) => m.key !== "mip.changeStamp") };
    };
    const after = (env.fake.snapshot() as { spreadsheet: Snap }).spreadsheet;
    expect(withoutStamp(after)).toEqual(withoutStamp(before.spreadsheet));
    expect(after.metadata.filter((m) => m.key === "mip.changeStamp")).toHaveLength(1);
    expect(env.fake.spreadsheet._toasts.at(-1)!.msg).toMatch(/Ваши цвета и примечания сохранены/);
  });

  it("keep the user's own conditional format rules and re-checking replaces, not stacks, the add-on's", () => {
    const { env, ss } = setUp();
    const plan = ss._sheet("План-факт");
    const userRule = env.fake.spreadsheetApp
      .newConditionalFormatRule()
      .whenFormulaSatisfied('=$H2="Выполнено"')
      .setBackground("#00ff00")
      .setRanges([plan.getRange("A2:M100")])
      .build();
    plan.setConditionalFormatRules([userRule]);
    env.fns.menuValidate!();
    env.fns.menuValidate!();
    const rules = plan._rules.map((r) => r._json());
    expect(rules.filter((r) => r.formula.includes("МИП-отчёт")).length).toBeGreaterThan(0);
    expect(rules.filter((r) => r.formula.includes("МИП-отчёт")).length).toBeLessThanOrEqual(3);
    expect(rules).toContainEqual({ ranges: ["A2:M100"], formula: '=$H2="Выполнено"', background: "#00ff00" });
    env.fns.menuClearMarks!();
    expect(plan._rules.map((r) => r._json())).toEqual([
      { ranges: ["A2:M100"], formula: '=$H2="Выполнено"', background: "#00ff00" },
    ]);
  });

  it("are all removed even after the user inserted rows above them", () => {
    const { env, ss } = setUp();
    env.fns.menuValidate!();
    const plan = ss._sheet("План-факт");
    const marked = () => plan._cells.flat().filter((c) => c?.note.includes("МИП-отчёт")).length;
    expect(marked()).toBeGreaterThan(0);
    plan.insertRowsAfter(1, 3);
    env.fns.menuClearMarks!();
    expect(marked()).toBe(0);
  });
});

describe("live re-check (onEdit)", () => {
  it("does nothing before the first check", () => {
    const { env, ss } = setUp();
    env.counter.reset();
    env.fns.onEdit!({ authMode: "LIMITED", range: ss._sheet("План-факт").getRange("L3"), source: ss });
    expect(env.counter.count("Sheet.getSheetValues")).toBe(0);
    expect(env.counter.count("Sheet.setConditionalFormatRules")).toBe(0);
  });

  it("refreshes the edited tab's marks: a fixed cell loses its mark, a new error gets one", () => {
    const { env, ss } = setUp();
    const state = env.call<SidebarState>("sidebarValidate");
    const finding = state.issues.find((i) => i.rule === "PLAN_DEVIATION_ACTION_MISSING" && i.cell)!;
    expect(finding).toBeDefined();
    const plan = ss._sheet("План-факт");
    expect(cellAt(plan, finding.cell!).background).toBe(COLOURS.error);

    plan.getRange(finding.cell!).setValue("Сроки перенесены приказом, семинар проведён дистанционно");
    env.counter.reset();
    env.fns.onEdit!({ authMode: "LIMITED", range: plan.getRange(finding.cell!), source: ss, value: "…" });
    expect(cellAt(plan, finding.cell!).background).toBe(WHITE);
    expect(cellAt(plan, finding.cell!).data.note).toBe("");
    // Only the tabs its rules read (RuleFamily.reads), one batched read each.
    const reads = new Set<string>(["general", "plan"]);
    for (const family of RULE_FAMILIES) if (family.reads.includes("plan")) family.reads.forEach((k) => reads.add(k));
    expect(env.counter.count("Sheet.getSheetValues")).toBe(reads.size);
    expect(env.counter.count("Range.setNotes")).toBeLessThanOrEqual(1);

    // A status outside the list is marked right away.
    const statusCell = `H${finding.row}`;
    plan.getRange(statusCell).setValue("Сделано наполовину");
    env.fns.onEdit!({ authMode: "LIMITED", range: plan.getRange(statusCell), source: ss });
    expect(cellAt(plan, statusCell).background).toBe(COLOURS.error);
    expect(cellAt(plan, statusCell).data.note).toMatch(/Сделано наполовину/);
  });

  it("an edit whose findings come out as before touches neither rules nor notes, one that changes words only the notes; a full check rewrites them", () => {
    const { env, ss } = setUp();
    const state = env.call<SidebarState>("sidebarValidate");
    const finding = state.issues.find((i) => i.rule === "PLAN_DEVIATION_ACTION_MISSING" && i.cell)!;
    const plan = ss._sheet("План-факт");
    // The executors of a row changed: the same findings, so nothing is rewritten.
    const cell = `E${finding.row}`;
    plan.getRange(cell).setValue("Педагоги школы, методист");
    const range = plan.getRange(cell);
    env.counter.reset();
    env.fns.onEdit!({ authMode: "LIMITED", range, source: ss });
    // The re-check ran (its tabs were read) and found the same marks.
    expect(env.counter.count("Sheet.getSheetValues")).toBeGreaterThan(0);
    expect(env.counter.count("Sheet.setConditionalFormatRules")).toBe(0);
    expect(env.counter.count("Range.getNotes") + env.counter.count("Range.setNotes")).toBe(0);
    expect(env.counter.count("Properties.setProperties")).toBe(0);
    // An edit at the floor: at most 25 Apps Script calls (bench/gas.ts «onEdit»).
    expect(env.counter.total).toBeLessThanOrEqual(25);
    expect(cellAt(plan, finding.cell!).background).toBe(COLOURS.error);
    // Another deviation status: the same cells and severities, other words — the notes alone are rewritten.
    const status = plan.getRange(`H${finding.row}`);
    status.setValue("Не выполнено");
    env.counter.reset();
    env.fns.onEdit!({ authMode: "LIMITED", range: status, source: ss });
    expect(env.counter.count("Sheet.setConditionalFormatRules")).toBe(0);
    expect(env.counter.count("Range.setNotes")).toBe(1);
    expect(cellAt(plan, finding.cell!).data.note).toMatch(/статус «Не выполнено»/);
    expect(cellAt(plan, finding.cell!).background).toBe(COLOURS.error);
    // A mark the user wiped by hand comes back with the next full check.
    env.counter.paused(() => plan.getRange(finding.cell!).setNote(""));
    env.call<SidebarState>("sidebarValidate");
    expect(cellAt(plan, finding.cell!).data.note).toMatch(/МИП-отчёт, проверка:/);
  });

  it("moves the edit stamp the sidebar polls on every edit of a template tab, and only then", () => {
    const { env, ss } = setUp();
    const before = env.call<SidebarState>("sidebarGetState");
    expect(before.editStamp).toBe("");
    expect(env.call<string>("sidebarEditStamp")).toBe("");
    env.fns.onEdit!({ authMode: "LIMITED", range: ss._addSheet("Черновик").getRange("A1"), source: ss });
    expect(env.call<string>("sidebarEditStamp")).toBe("");
    // Before the first check the marks are left alone, but the stamp still moves on.
    env.fns.onEdit!({ authMode: "LIMITED", range: ss._sheet("Кадры").getRange("A2"), source: ss });
    const stamp = env.call<string>("sidebarEditStamp");
    expect(stamp).not.toBe("");
    expect(env.call<SidebarState>("sidebarGetState").editStamp).toBe(stamp);
    // Every edit is a new stamp, even within one millisecond (this clock is frozen).
    env.fns.onEdit!({ authMode: "LIMITED", range: ss._sheet("Кадры").getRange("A3"), source: ss });
    expect(env.call<string>("sidebarEditStamp")).not.toBe(stamp);
  });

  it("rewrites marks only under the document lock, and skips an edit while another execution holds it", () => {
    const { env, ss } = setUp();
    const state = env.call<SidebarState>("sidebarValidate");
    const finding = state.issues.find((i) => i.rule === "PLAN_DEVIATION_ACTION_MISSING" && i.cell)!;
    const plan = ss._sheet("План-факт");
    const locks = env.fake.lockService._document;
    const acquired = locks.acquisitions;

    // Another execution (a report being made) holds the lock: the edit moves the stamp only.
    locks.heldElsewhere = true;
    plan.getRange(finding.cell!).setValue("Семинар перенесён приказом № 12");
    const stampBefore = env.call<string>("sidebarEditStamp");
    env.counter.reset();
    expect(() =>
      env.fns.onEdit!({ authMode: "LIMITED", range: plan.getRange(finding.cell!), source: ss }),
    ).not.toThrow();
    expect(env.counter.count("Sheet.getSheetValues")).toBe(0);
    expect(env.counter.count("Sheet.setConditionalFormatRules")).toBe(0);
    expect(cellAt(plan, finding.cell!).background).toBe(COLOURS.error);
    expect(env.call<string>("sidebarEditStamp")).not.toBe(stampBefore);
    // A full check and «Убрать подсветку» say why nothing changed instead of racing.
    expect(() => env.call("sidebarValidate")).toThrow(/Таблица сейчас занята/);
    env.fns.menuClearMarks!();
    expect(lastAlert(env.fake)).toMatch(/Таблица сейчас занята/);
    expect(cellAt(plan, finding.cell!).background).toBe(COLOURS.error);

    // Free again: the same edit refreshes the marks, and the lock is released afterwards.
    locks.heldElsewhere = false;
    env.fns.onEdit!({ authMode: "LIMITED", range: plan.getRange(finding.cell!), source: ss });
    expect(cellAt(plan, finding.cell!).background).toBe(WHITE);
    expect(locks.acquisitions).toBeGreaterThan(acquired);
    expect(locks.holders).toBe(0);
  });

  it("ignores edits on the user's own tabs and never throws", () => {
    const { env, ss } = setUp();
    env.call("sidebarValidate");
    const own = ss._addSheet("Черновик");
    env.counter.reset();
    expect(() => env.fns.onEdit!({ authMode: "LIMITED", range: own.getRange("A1"), source: ss })).not.toThrow();
    expect(() => env.fns.onEdit!(undefined)).not.toThrow();
    env.fns.onEdit!({ authMode: "NONE", range: ss._sheet("План-факт").getRange("H3"), source: ss });
    expect(env.counter.count("Sheet.getSheetValues")).toBe(0);
  });
});
