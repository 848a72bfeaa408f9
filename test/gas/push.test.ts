import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DIST, ROOT, ensureBundleBuilt } from "./load-bundle.js";

const PUSH = join(ROOT, "scripts", "push.mjs");

/** A temp project dir holding a copy of dist/ and the given .clasp.json (HOME isolated: no credentials). */
function project(clasp: string | null): string {
  ensureBundleBuilt();
  const dir = mkdtempSync(join(tmpdir(), "mip-clasp-"));
  mkdirSync(join(dir, "dist"));
  for (const name of readdirSync(DIST)) cpSync(join(DIST, name), join(dir, "dist", name));
  if (clasp !== null) writeFileSync(join(dir, ".clasp.json"), clasp);
  return dir;
}

const run = (dir: string, ...args: string[]) =>
  spawnSync(process.execPath, [PUSH, ...args], { cwd: dir, encoding: "utf8", env: { ...process.env, HOME: dir, USERPROFILE: dir }, timeout: 60_000 });

describe("npm run push", () => {
  it("stops with a clear message and exit 1 while .clasp.json has no scriptId (the repository's own file)", () => {
    expect(JSON.parse(readFileSync(join(ROOT, ".clasp.json"), "utf8"))).toEqual({ scriptId: "", rootDir: "dist" });
    const dir = project(readFileSync(join(ROOT, ".clasp.json"), "utf8"));
    const result = run(dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/не указан scriptId/);
    expect(result.stderr).toMatch(/clasp create --type sheets/);
    expect(result.stderr).toMatch(/No scriptId/);
  });

  it("stops when there is no .clasp.json at all", () => {
    const result = run(project(null));
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Нет файла \.clasp\.json/);
  });

  it("with a scriptId, `clasp status` (offline, no login) lists exactly Code.js, appsscript.json and Sidebar.html", () => {
    const dir = project(JSON.stringify({ scriptId: "1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefghijklmnopqrs", rootDir: "dist" }));
    const result = run(dir, "--dry-run");
    expect(result.status, result.stderr).toBe(0);
    const status = JSON.parse(result.stdout.slice(result.stdout.indexOf("{"))) as { filesToPush: string[]; untrackedFiles: string[] };
    expect([...status.filesToPush].sort()).toEqual(["dist/Code.js", "dist/Sidebar.html", "dist/appsscript.json"]);
    expect(status.untrackedFiles).toEqual(["dist/entry-points.json"]);
  });
});
