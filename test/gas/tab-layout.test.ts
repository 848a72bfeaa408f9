/** The layout the report reads tabs by (src/gas/tab-layout.ts): its signatures, its storage, the zone check. */
import { describe, expect, it } from "vitest";
import { datesAtMidnight, layoutChange, layoutOf, parseLayout } from "../../src/gas/tab-layout.js";
import { zonedMidnight } from "./fake/index.js";
import { sampleGrid } from "./fixtures.js";

describe("the tab layout", () => {
  it("tells key-value tabs apart by their labels, though their header rows are the same", () => {
    const tabs = sampleGrid().tabs;
    const layout = layoutOf(tabs, "Europe/Moscow");
    const at = (title: string) => layout.signatures[layout.titles.indexOf(title)];
    expect(tabs.find((t) => t.title === "Общие сведения")!.rows[0]).toEqual(
      tabs.find((t) => t.title === "Настройки")!.rows[0],
    );
    expect(at("Общие сведения")).not.toBe(at("Настройки"));
    expect(new Set(layout.signatures.filter((s) => s !== null)).size).toBe(tabs.length);
  });

  it("is written only when it changed, and not at all when it would not fit one property value", () => {
    const tabs = sampleGrid().tabs;
    const layout = layoutOf(tabs, "Europe/Moscow");
    const stored = parseLayout(layoutChange(null, layout)["mip.tabLayout"]);
    expect(stored).toEqual(layout);
    expect(layoutChange(stored, layout)).toEqual({});
    const crowded = layoutOf(
      [...tabs, ...Array.from({ length: 300 }, (_, i) => ({ title: `Лист пользователя номер ${i}`, rows: [] }))],
      "Europe/Moscow",
    );
    // Too large: the old layout is dropped (a read by name follows), none is written anew.
    expect(layoutChange(stored, crowded)).toEqual({ "mip.tabLayout": "" });
    expect(layoutChange(null, crowded)).toEqual({});
    expect(parseLayout("")).toBeNull();
    expect(parseLayout("{broken")).toBeNull();
  });

  it("sees a changed zone in the dates: midnight in the zone read with, give or take a summer hour", () => {
    const moscow = [[zonedMidnight("2022-12-20", "Europe/Moscow"), "текст", 5]];
    expect(datesAtMidnight([moscow], 180)).toBe(true);
    expect(datesAtMidnight([moscow], 180 + 60)).toBe(true);
    expect(datesAtMidnight([moscow], 420)).toBe(false);
    expect(datesAtMidnight([[[new Date("2022-12-20T12:00:00Z")]]], 180)).toBe(false);
    expect(datesAtMidnight([[["", 1]]], 420)).toBe(true);
  });
});
