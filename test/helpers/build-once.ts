/**
 * Builds an output (lib/mip.cjs, dist/Code.js) when it is missing or older than its sources, for
 * a test run that did not start with `npm run build`. Test files run in parallel processes, so
 * one builds under a lock directory while the others wait: nobody loads a half-written file.
 * The lock names the process holding it; a waiter takes it over only when that process is gone
 * (never after a fixed time: on a loaded machine a build may take minutes).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const ROOT = join(import.meta.dirname, "..", "..");

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

export interface BuildSpec {
  /** The file whose age decides. */
  readonly output: string;
  /** Files and folders it is built from. */
  readonly sources: readonly string[];
  /** Arguments of scripts/build.mjs. */
  readonly buildArgs: readonly string[];
  /** Lock directory name under the repository root. */
  readonly lockName: string;
}

/** True while the process that took the lock runs (a lock just made may not name its owner yet). */
function lockAlive(lock: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(join(lock, "pid"), "utf8"));
  } catch {
    // No owner written: a lock being made now, or one left by a crash between the two steps.
    try {
      return Date.now() - statSync(lock).mtimeMs < 60_000;
    } catch {
      return false;
    }
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function buildIfStale(spec: BuildSpec): void {
  const stale = () =>
    !existsSync(spec.output) || statSync(spec.output).mtimeMs < Math.max(...spec.sources.map(newestMtime));
  if (!stale()) return;
  const lock = join(ROOT, spec.lockName);
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, "pid"), String(process.pid));
      break;
    } catch {
      // A lock whose process is gone belongs to a crashed run.
      if (!lockAlive(lock)) rmSync(lock, { recursive: true, force: true });
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
      if (!stale()) return;
    }
  }
  try {
    if (stale())
      execFileSync(process.execPath, [join(ROOT, "scripts", "build.mjs"), ...spec.buildArgs], {
        cwd: ROOT,
        stdio: "pipe",
      });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
