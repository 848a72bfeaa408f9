/**
 * The committee's add-on (built bundle, Apps Script fake) over school sheets written to break
 * it: subjects named «__proto__», «constructor», «toString», and markup or script in every text
 * cell the committee shows (Свод, сводка, справка). Every school keeps its row and its figures;
 * markup arrives as the same text, never as markup or a formula.
 */
import { describe, expect, it } from "vitest";
import type { Cell, WorkbookGrid } from "../../src/core/grid.js";
import { sampleSchools } from "../../src/demo/sample.js";
import { summaryColumn } from "../../src/core/committee/index.js";
import { documentStructure } from "../gas/fake/index.js";
import { lastAlert } from "../gas/inspect.js";
import { committeeEnv, summaryValues } from "../committee/gas-env.js";

const PROTOTYPE_NAMES = ["__proto__", "constructor", "toString", "hasOwnProperty"] as const;
const MARKUP = '<script>alert("МИП")</script><img src=x onerror=alert(1)>';

const id = (n: number) => `1hostile${String(n).padStart(4, "0")}abcdefghijklmnopqrstuvwxyz`;

/** Every mentoring subject replaced by a prototype's name; every other long text cell gets markup after it. */
function hostileGrid(grid: WorkbookGrid): WorkbookGrid {
  return {
    ...grid,
    tabs: grid.tabs.map((tab) => ({
      title: tab.title,
      rows: tab.rows.map((row, r) =>
        r === 0
          ? row
          : row.map((cell, c): Cell => {
              if (tab.title === "Наставничество" && c === 3) return PROTOTYPE_NAMES[r % PROTOTYPE_NAMES.length]!;
              // Free text only: dropdown values, numbers and dates keep their meaning.
              return typeof cell === "string" && cell.length > 30 ? `${cell} ${MARKUP}` : cell;
            }),
      ),
    })),
  };
}

const docText = (env: ReturnType<typeof committeeEnv>): string => {
  const docs = [...env.fake.documentApp._documents.values()];
  return env.counter
    .paused(() => documentStructure(docs.at(-1)!))
    .map((el) => ("text" in el ? el.text : "rows" in el ? el.rows.flat().join(" | ") : ""))
    .join("\n");
};

describe("committee over hostile school sheets", () => {
  const schools = sampleSchools();
  const make = () => {
    const env = committeeEnv([
      { id: id(1), organisation: "МОУ ДО «Центр развития образования»", grid: hostileGrid(schools[0]!.grid) },
      { id: id(2), organisation: `МОУ «СОШ № 4» ${MARKUP}`, grid: hostileGrid(schools[1]!.grid) },
      { id: id(3), organisation: "constructor", grid: hostileGrid(schools[2]!.grid) },
    ]);
    env.run("committeeSetup");
    return env;
  };

  it("keeps every school with its figures, and subjects named like prototype members count like any other", () => {
    const env = make();
    expect((env.run("committeeRefresh") as { kind: string }).kind).toBe("finished");
    const rows = summaryValues(env).slice(1, 4);
    expect(rows.map((r) => r[summaryColumn("Состояние")])).toEqual(["ОК", "ОК", "ОК"]);
    for (const row of rows) expect(typeof row[summaryColumn("Наставнических пар")]).toBe("number");
    expect(env.formulaWrites).toEqual([]);
    // The registry's name with markup reaches the Свод as the same text.
    expect(rows[1]![summaryColumn("Организация")]).toBe(`МОУ «СОШ № 4» ${MARKUP}`);

    env.run("committeeMakeSummary");
    const text = docText(env);
    expect(text).not.toMatch(/NaN|undefined|\[object Object\]|function \w+\(\)/);
    for (const name of PROTOTYPE_NAMES) expect(text).toMatch(new RegExp(`${name} \\| \\d+`));
    expect(text).toContain("constructor");
    // Deviations and problems quoted by the сводка arrive as the same text, not as markup.
    expect(text).toContain(MARKUP);
  });

  it("the справка of a project reads every participant, whatever its texts", () => {
    const env = make();
    env.run("committeeRefresh");
    env.counter.paused(() => env.committee.setActiveRange(env.committee._sheet("Реестр").getRange("B2") as never));
    const made = env.run("committeeMakeProjectSpravka") as { name: string } | null;
    expect(made).not.toBeNull();
    const text = docText(env);
    expect(text).not.toMatch(/NaN|undefined|\[object Object\]|function \w+\(\)/);
    expect(text).toContain(MARKUP);
    expect(lastAlert(env.fake)).not.toMatch(/Error|at \w+ \(/);
  });
});
