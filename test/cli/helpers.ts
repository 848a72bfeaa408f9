/** Runs the real `mip` binary (lib/mip.cjs), building it once when missing or older than the sources. */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../..");
export const BIN = join(ROOT, "lib/mip.cjs");

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function isStale(): boolean {
  let built = 0;
  try {
    built = statSync(BIN).mtimeMs;
  } catch {
    built = 0;
  }
  return built === 0 || built < newestSource(join(ROOT, "src"));
}

const LOCK = join(ROOT, "lib", ".mip-build.lock");

/**
 * Builds lib/mip.cjs if it is missing or stale (call from beforeAll). Test files run in
 * parallel processes, so one builds under a lock directory while the others wait for it:
 * nobody runs a half-written binary.
 */
export function ensureBuilt(): void {
  if (!isStale()) return;
  mkdirSync(dirname(LOCK), { recursive: true });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      if (Date.now() > deadline) rmSync(LOCK, { recursive: true, force: true });
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    if (isStale()) execFileSync(process.execPath, [join(ROOT, "scripts/build.mjs"), "--quiet"], { cwd: ROOT, stdio: "pipe" });
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function mip(args: readonly string[], cwd: string): RunResult {
  const run = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", MIP_DEBUG: "" },
    timeout: 120_000,
  });
  return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

export function tempDir(prefix = "mip-cli-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** True when the text looks like a JavaScript stack trace. */
export function hasStackTrace(text: string): boolean {
  return /\n\s+at\s.+\(.*:\d+:\d+\)/.test(text) || /Error:\s/.test(text);
}
