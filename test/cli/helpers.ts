/** Runs the real `mip` binary (lib/mip.cjs), building it once when missing or older than the sources. */
import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, cpSync, mkdtempSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, parse } from "node:path";
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
    // A guard against a hang, not a speed limit: generous, so a loaded machine does not fail it.
    timeout: 300_000,
  });
  return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

export function tempDir(prefix = "mip-cli-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** True when every folder on the way to `path` lets other users through (o+x). */
export function othersCanReach(path: string): boolean {
  for (let at = path; ; at = dirname(at)) {
    if ((statSync(at).mode & 0o001) === 0) return false;
    if (at === parse(at).root) return true;
  }
}

/**
 * A temporary folder another user can reach (mode 0755): under the system's temporary folder, or
 * /tmp when TMPDIR is a private folder. For a test that runs `mip` as another user.
 */
export function sharedTempDir(prefix: string): string {
  const root = othersCanReach(tmpdir()) ? tmpdir() : "/tmp";
  const dir = mkdtempSync(join(root, prefix));
  chmodSync(dir, 0o755);
  return dir;
}

/**
 * The built `mip` copied where any user can run it. lib/mip.cjs and lib/vendor/ (the libraries
 * it loads when a command needs them) are self-contained, but the checkout they sit in may be
 * private (a clone inside a 0700 folder, as a home folder is), and another user could not load
 * them there.
 */
export function binForOtherUsers(): string {
  const dir = sharedTempDir("mip-bin-");
  const bin = join(dir, "mip.cjs");
  copyFileSync(BIN, bin);
  chmodSync(bin, 0o644);
  cpSync(join(ROOT, "lib/vendor"), join(dir, "vendor"), { recursive: true });
  chmodSync(join(dir, "vendor"), 0o755);
  for (const file of readdirSync(join(dir, "vendor"))) chmodSync(join(dir, "vendor", file), 0o644);
  return bin;
}

/** True when the text looks like a JavaScript stack trace. */
export function hasStackTrace(text: string): boolean {
  return /\n\s+at\s.+\(.*:\d+:\d+\)/.test(text) || /Error:\s/.test(text);
}
