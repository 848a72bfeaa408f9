/**
 * The committee's roadmap: reading and checking a roadmap of 2,000 items (200 directions of nine
 * sub-items, every one naming a school), and its execution over 1,000 schools of which each
 * linked ten items. Returns {"roadmap":{…}} for `npm run bench`: best of three runs, milliseconds.
 */
import type { Cell, WorkbookGrid } from "../src/core/grid.js";
import { REGISTRY_HEADERS } from "../src/core/committee/headers.js";
import {
  type RoadmapLink,
  ROADMAP_HEADERS,
  buildExecutionDoc,
  buildOrderDoc,
  computeExecution,
  validateRoadmap,
} from "../src/core/roadmap/index.js";

const SCHOOLS = Array.from({ length: 1000 }, (_, i) => `МКОУ «Школа-${i + 1} СОШ»`);

function roadmapGrid(): WorkbookGrid {
  const rows: Cell[][] = [[...ROADMAP_HEADERS]];
  for (let d = 1; d <= 200; d++) {
    rows.push([
      `${d}.`,
      `Направление ${d}`,
      "Февраль-ноябрь",
      "Кудрявцева Е.В.",
      "Руководители школьных сетевых команд",
      "Итог",
    ]);
    for (let s = 1; s <= 9; s++)
      rows.push([
        `${d}.${s}.`,
        `Подпункт ${d}.${s}`,
        `0${s}.03-1${s}.03`,
        "Кудрявцева Е.В.",
        SCHOOLS[(d * 9 + s) % 1000]!,
        "Итог",
      ]);
  }
  return {
    tabs: [
      { title: "Дорожная карта", rows },
      { title: "Реестр", rows: [[...REGISTRY_HEADERS], ...SCHOOLS.map((s) => [s, null, null, null])] },
    ],
  };
}

function best(runs: number, work: () => void): number {
  let fastest = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    fastest = Math.min(fastest, performance.now() - start);
  }
  return Math.round(fastest * 10) / 10;
}

export async function run(): Promise<Record<string, unknown>> {
  const grid = roadmapGrid();
  const checkMs = best(3, () => void validateRoadmap(grid));
  const { roadmap } = validateRoadmap(grid);
  const links = SCHOOLS.map((school, i) => ({
    school,
    links: Array.from({ length: 10 }, (_, k): RoadmapLink => ({
      item: `${((i + k) % 200) + 1}.${(k % 9) + 1}`,
      sheet: "План-факт",
      row: k + 2,
      activity: "Мероприятие",
      fact: k % 2 === 0 ? "Проведено" : "",
      done: k % 2 === 0,
    })),
  }));
  const executionMs = best(3, () => void computeExecution(roadmap, links, "2022-12-20"));
  // The documents: the order's appendix and the execution report, long tables fitted to the fewest lines.
  const orderDocMs = best(3, () => void buildOrderDoc(roadmap, { draft: false }));
  const execution = computeExecution(roadmap, links, "2022-12-20");
  const executionDocMs = best(3, () => void buildExecutionDoc(roadmap, execution, { draft: false }));
  console.error(
    `Дорожная карта: 2 000 пунктов — проверка ${checkMs} мс; исполнение по 1 000 школ ` +
      `(2 000 × 1 000 ячеек) — ${executionMs} мс; распоряжение ${orderDocMs} мс, отчёт об исполнении ${executionDocMs} мс`,
  );
  return {
    roadmap: {
      items: 2000,
      schools: 1000,
      check2000Ms: checkMs,
      execution2000x1000Ms: executionMs,
      orderDocMs,
      executionDocMs,
    },
  };
}
