/**
 * The committee's roadmap: the order that approves it and its items as data (read.ts), the
 * checks (checks.ts), the schools' rows tied to its items (links.ts), its execution
 * (execution.ts) and the documents (order-doc.ts, execution-doc.ts).
 */
import type { WorkbookGrid } from "../grid.js";
import { type Issue, countIssues } from "../issues.js";
import { checkRoadmap } from "./checks.js";
import { type ReadOptions, type Roadmap, readRoadmap } from "./read.js";

export * from "./schema.js";
export * from "./read.js";
export * from "./schools.js";
export * from "./checks.js";
export * from "./links.js";
export * from "./execution.js";
export * from "./order-doc.js";
export * from "./execution-doc.js";

export interface RoadmapValidation {
  readonly roadmap: Roadmap;
  readonly issues: Issue[];
  readonly summary: { errors: number; warnings: number; infos: number; completeness: number };
  readonly metrics: RoadmapMetrics;
}

interface RoadmapMetrics {
  readonly items: number;
  readonly directions: number;
  readonly datesRead: number;
  readonly schools: number;
  readonly year: number | null;
}

/** Share of the items' A–F cells that are filled (the counterpart of a school workbook's completeness). */
function completeness(roadmap: Roadmap): number {
  if (roadmap.items.length === 0) return 0;
  let filled = 0;
  for (const item of roadmap.items)
    filled += [item.number, item.name, item.dateText, item.municipal, item.institutional, item.result].filter(
      (t) => t.trim() !== "",
    ).length;
  return filled / (roadmap.items.length * 6);
}

/** Reads and checks a roadmap workbook: template findings first, then ROADMAP_*. */
export function validateRoadmap(grid: WorkbookGrid, options: ReadOptions = {}): RoadmapValidation {
  const { roadmap, issues } = readRoadmap(grid, options);
  const all = [...issues, ...checkRoadmap(roadmap)];
  return {
    roadmap,
    issues: all,
    summary: { ...countIssues(all), completeness: completeness(roadmap) },
    metrics: {
      items: roadmap.items.length,
      directions: roadmap.items.filter((i) => i.key !== null && !i.key.includes(".")).length,
      datesRead: roadmap.items.filter((i) => i.term !== null).length,
      schools: roadmap.schools.length,
      year: roadmap.year,
    },
  };
}
