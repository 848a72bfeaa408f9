/**
 * Execution item × school: each state from the rows a school linked, the share per item, and
 * the references people write in «Пункт дорожной карты».
 */
import { describe, expect, it } from "vitest";
import {
  type RoadmapLink,
  computeExecution,
  executionGrid,
  itemRefs,
  validateRoadmap,
} from "../../src/core/roadmap/index.js";
import { SCHOOLS, cleanRoadmapRows, realRoadmapGrid } from "./fixture.js";

const link = (item: string, done: boolean, fact = done ? "Проведено" : ""): RoadmapLink => ({
  item,
  sheet: "План-факт",
  row: 2,
  activity: "Мероприятие",
  fact,
  done,
});

describe("execution of the roadmap", () => {
  const roadmap = validateRoadmap(realRoadmapGrid(cleanRoadmapRows())).roadmap;
  const [zar, pol, , , , , , , lip] = SCHOOLS;
  const execution = computeExecution(
    roadmap,
    [
      { school: zar, links: [link("1", true), link("3", false), link("12", false), link("2", true)] },
      { school: pol, links: [link("1", false)] },
    ],
    "2022-06-01",
  );
  const state = (key: string, school: string) => {
    const row = execution.rows.find((r) => r.item.key === key)!;
    return row.cells[execution.schools.indexOf(school)]!.state;
  };

  it("done, overdue, in progress, not due, not concerned", () => {
    expect(state("1", zar)).toBe("done");
    expect(state("1", pol)).toBe("overdue"); // linked, no fact, the date passed
    expect(state("1", lip)).toBe("overdue"); // nothing linked, the date passed
    expect(state("3", zar)).toBe("overdue");
    expect(state("12", zar)).toBe("inProgress"); // «Декабрь» has not come
    expect(state("12", lip)).toBe("notDue");
    expect(state("8.2.2", lip)).toBe("notConcerned"); // «–»
    expect(state("2", zar)).toBe("done"); // not the school's item, but it did it
    expect(state("2", pol)).toBe("notConcerned");
  });

  it("a direction takes its state from its sub-items", () => {
    const subs = ["8.1.1", "8.1.2", "8.1.3", "8.1.4"].map((k) => link(k, true));
    const ex = computeExecution(
      roadmap,
      [
        { school: zar, links: subs },
        { school: pol, links: [link("8.1.1", true)] },
        { school: lip, links: [link("8.1.1", true), link("8.1.4", false)] },
      ],
      "2022-03-29",
    );
    const at = (key: string, school: string) =>
      ex.rows.find((r) => r.item.key === key)!.cells[ex.schools.indexOf(school)]!;
    expect(at("8.1", zar).state).toBe("done");
    expect(at("8.1", zar).links.filter((l) => l.done)).toHaveLength(4);
    expect(at("8.1", pol).state).toBe("overdue"); // 8.1.2 (21.03-25.03) passed with nothing
    expect(at("8.1.2", lip).state).toBe("overdue");
    expect(at("8", zar).state).toBe("inProgress"); // 8.1 done, 8.2–8.4 not due yet
    expect(at("8", pol).state).toBe("overdue");
  });

  it("counts the share of the concerned schools that did an item", () => {
    const first = execution.rows[0]!;
    expect(first.concerned).toBe(9);
    expect(first.done).toBe(1);
    expect(first.share).toBeCloseTo(1 / 9);
    const grid = executionGrid(execution);
    expect(grid[0]!.slice(0, 5)).toEqual(["№ п/п", "Направления деятельности", "Дата", "Выполнили, %", SCHOOLS[0]]);
    expect(grid[1]![3]).toBe("11 %");
    expect(grid.find((r) => r[0] === "8.2.2.")![3]).toBe("—");
  });

  it("reads the references people write", () => {
    expect(itemRefs("8.1.2")).toEqual(["8.1.2"]);
    expect(itemRefs("п. 8.1.1, 8.1.2.")).toEqual(["8.1.1", "8.1.2"]);
    expect(itemRefs("пункты 3; 4")).toEqual(["3", "4"]);
    expect(itemRefs(7)).toEqual(["7"]);
    expect(itemRefs("см. план")).toEqual([]);
    expect(itemRefs(null)).toEqual([]);
  });
});
