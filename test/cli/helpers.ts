/** Runs the real `mip` binary (lib/mip.cjs), building it once when missing or older than the sources. */
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildIfStale } from "../helpers/build-once.js";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../..");
export const BIN = join(ROOT, "lib/mip.cjs");

/** Builds lib/mip.cjs if it is missing or stale (call from beforeAll). */
export function ensureBuilt(): void {
  buildIfStale({ output: BIN, sources: [join(ROOT, "src")], buildArgs: ["--quiet"], lockName: ".mip-build.lock" });
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
