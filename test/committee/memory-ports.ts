/** In-memory refresh ports with an injected clock: a registry of schools and a Свод as arrays. */
import type { WorkbookGrid } from "../../src/core/grid.js";
import {
  type OpenedSchool,
  type RefreshCursor,
  type RefreshPorts,
  type RegistryEntry,
  type StoredRow,
  type SummaryRow,
  storedRowOf,
} from "../../src/core/committee/index.js";

export interface FakeSchool {
  id: string | null;
  organisation: string;
  grid?: WorkbookGrid;
  /** Thrown by openSchool (or by modifiedTime when `drive` is set). */
  error?: string;
  drive?: boolean;
  modified?: string;
  /** Milliseconds opening this workbook costs (default: the ports' openCost). */
  openCost?: number;
}

/** What Apps Script does to a run past its limit: the run ends, nothing after runs. */
export class RunKilled extends Error {}

export class MemoryPorts implements RefreshPorts {
  clock = 0;
  /** Milliseconds one opened workbook costs. */
  openCost = 1000;
  opened: string[] = [];
  writes: { index: number; row: SummaryRow }[] = [];
  rows: (SummaryRow | null)[] = [];
  progressLog: string[] = [];
  failWriteAt: number | null = null;
  /** Clock time past which the run is killed (the next clock read throws RunKilled). */
  deadline: number | null = null;
  checkpoints: { at: number; cursor: RefreshCursor }[] = [];
  /** The cursor as persisted: the last checkpoint, or what the caller saved at a run's end. */
  saved: RefreshCursor | null = null;

  constructor(public schools: FakeSchool[]) {}

  /** Past the deadline every port call ends the run, as Apps Script's kill does. */
  private alive(): void {
    if (this.deadline !== null && this.clock > this.deadline) throw new RunKilled("Exceeded maximum execution time");
  }
  now(): number {
    this.alive();
    return this.clock;
  }
  formatNow(): string {
    this.alive();
    return `t${this.clock}`;
  }
  today(): string {
    return "2022-12-20";
  }
  registry(): RegistryEntry[] {
    return this.schools.map((s, i) => ({
      row: i + 2,
      organisation: s.organisation,
      id: s.id,
      linkText: s.id ?? "",
      responsible: "",
      email: "",
    }));
  }
  storedRows(): (StoredRow | null)[] {
    return this.rows.map((r) => (r ? storedRowOf(r.values) : null));
  }
  private school(id: string): FakeSchool {
    const s = this.schools.find((x) => x.id === id);
    if (!s) throw new Error("Requested entity was not found.");
    return s;
  }
  modifiedTime(id: string): string {
    this.clock += 50;
    const s = this.school(id);
    if (s.drive && s.error) throw new Error(s.error);
    return s.modified ?? "2022-12-01T00:00:00.000Z";
  }
  openSchool(id: string): OpenedSchool {
    const s = this.school(id);
    this.clock += s.openCost ?? this.openCost;
    this.opened.push(id);
    if (s.error) throw new Error(s.error);
    return { grid: s.grid!, reportLink: "" };
  }
  writeRow(index: number, row: SummaryRow): void {
    this.alive();
    if (this.failWriteAt !== null && this.writes.length === this.failWriteAt)
      throw new Error("Exceeded maximum execution time");
    this.writes.push({ index, row });
    this.rows[index] = row;
  }
  clearRowsFrom(index: number): void {
    this.rows.length = index;
  }
  checkpoint(cursor: RefreshCursor): void {
    this.alive();
    this.checkpoints.push({ at: this.clock, cursor });
    this.saved = cursor;
  }
  progress(done: number, total: number, finished: boolean): void {
    this.alive();
    this.progressLog.push(`${done}/${total}${finished ? " done" : ""}`);
  }
}
