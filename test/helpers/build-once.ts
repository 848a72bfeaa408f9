/**
 * Builds an output (lib/mip.cjs, dist/Code.js) when it is missing or older than its sources, for
 * a test run that did not start with `npm run build`. Test files run in parallel processes, so
 * one builds under a lock directory while the others wait: nobody loads a half-written file.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
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

export function buildIfStale(spec: BuildSpec): void {
  const stale = () =>
    !existsSync(spec.output) || statSync(spec.output).mtimeMs < Math.max(...spec.sources.map(newestMtime));
  if (!stale()) return;
  const lock = join(ROOT, spec.lockName);
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock older than the deadline belongs to a crashed run.
      if (Date.now() > deadline) rmSync(lock, { recursive: true, force: true });
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
