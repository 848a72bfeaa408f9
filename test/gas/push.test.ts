// `npm run push` end to end with clasp itself: run by `npm test` only.
// @module-tag slow
import { spawnSync } from "node:child_process";
import { copyFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DIST, ROOT, ensureBundleBuilt } from "./load-bundle.js";

const PUSH = join(ROOT, "scripts", "push.mjs");

/** A temp project dir holding a copy of dist/ (both deployments), the repository's .claspignore and the given project files (HOME isolated: no credentials). */
function project(files: Record<string, string>): string {
  ensureBundleBuilt();
  const dir = mkdtempSync(join(tmpdir(), "mip-clasp-"));
  cpSync(DIST, join(dir, "dist"), { recursive: true });
  copyFileSync(join(ROOT, ".claspignore"), join(dir, ".claspignore"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const run = (dir: string, ...args: string[]) =>
  spawnSync(process.execPath, [PUSH, ...args], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, HOME: dir, USERPROFILE: dir },
    timeout: 300_000, // a guard against a hang, not a speed limit
  });

const SCRIPT_ID = "1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefghijklmnopqrs";
const status = (stdout: string) =>
  JSON.parse(stdout.slice(stdout.indexOf("{"))) as { filesToPush: string[]; untrackedFiles: string[] };

describe("npm run push", () => {
  it("stops with a clear message and exit 1 while .clasp.json has no scriptId (the repository's own files, both deployments)", () => {
    expect(JSON.parse(readFileSync(join(ROOT, ".clasp.json"), "utf8"))).toEqual({ scriptId: "", rootDir: "dist" });
    expect(JSON.parse(readFileSync(join(ROOT, ".clasp.committee.json"), "utf8"))).toEqual({
      scriptId: "",
      rootDir: "dist/committee",
    });
    const dir = project({
      ".clasp.json": readFileSync(join(ROOT, ".clasp.json"), "utf8"),
      ".clasp.committee.json": readFileSync(join(ROOT, ".clasp.committee.json"), "utf8"),
    });
    const school = run(dir);
    expect(school.status).toBe(1);
    expect(school.stderr).toMatch(/В \.clasp\.json не указан scriptId/);
    expect(school.stderr).toMatch(/clasp create --type sheets --title "МИП-отчёт" --rootDir dist`/);
    expect(school.stderr).toMatch(/No scriptId/);
    const committee = run(dir, "--committee");
    expect(committee.status).toBe(1);
    expect(committee.stderr).toMatch(/В \.clasp\.committee\.json не указан scriptId/);
    expect(committee.stderr).toMatch(/--rootDir dist\/committee/);
  });

  it("stops when there is no project file at all", () => {
    const result = run(project({}));
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Нет файла \.clasp\.json/);
    expect(run(project({}), "--committee").stderr).toMatch(/Нет файла \.clasp\.committee\.json/);
  });

  it("refuses a project file pointing at the other deployment's folder", () => {
    const dir = project({ ".clasp.committee.json": JSON.stringify({ scriptId: SCRIPT_ID, rootDir: "dist" }) });
    const result = run(dir, "--committee", "--dry-run");
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/rootDir должен быть «dist\/committee»/);
  });

  it(
    "with a scriptId, `clasp status` (offline, no login) lists exactly the school's " +
      "Code.js, appsscript.json and Sidebar.html — never the committee's files",
    () => {
      const dir = project({ ".clasp.json": JSON.stringify({ scriptId: SCRIPT_ID, rootDir: "dist" }) });
      const result = run(dir, "--dry-run");
      expect(result.status, result.stderr).toBe(0);
      const pushed = status(result.stdout);
      expect([...pushed.filesToPush].sort()).toEqual(["dist/Code.js", "dist/Sidebar.html", "dist/appsscript.json"]);
      expect(pushed.filesToPush.some((f) => f.includes("committee"))).toBe(false);
    },
  );

  it("the committee push lists its own Code.js and appsscript.json only", () => {
    const dir = project({
      ".clasp.committee.json": JSON.stringify({ scriptId: SCRIPT_ID, rootDir: "dist/committee" }),
    });
    const result = run(dir, "--committee", "--dry-run");
    expect(result.status, result.stderr).toBe(0);
    expect([...status(result.stdout).filesToPush].sort()).toEqual([
      "dist/committee/Code.js",
      "dist/committee/appsscript.json",
    ]);
  });
});
