/**
 * Files are written whole or not at all, on a disk that fills up midway: a small tmpfs
 * (mounted when the tests run as root; otherwise the same failure comes from a file-size
 * limit, `ulimit -f`, which makes writes fail with EFBIG instead of ENOSPC). No existing file
 * changes and no partial or temporary file is left; a full stdout is an error.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleGrid } from "../../src/demo/sample.js";
import { writeWorkbookGrid } from "../../src/local/xlsx-write.js";
import { BIN, ensureBuilt, tempDir } from "./helpers.js";

let inputs: string;
let disk: string;
let mounted = false;
let existing: Buffer;

/** Runs mip with the disk limit in force: on the tmpfs as is, else under `ulimit -f` (KiB). */
function mipLimited(args: readonly string[], cwd: string): { code: number; stdout: string; stderr: string } {
  const run = mounted
    ? spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } })
    : spawnSync("bash", ["-c", `ulimit -f 60; exec "${process.execPath}" "${BIN}" "$@"`, "mip", ...args], {
        cwd,
        encoding: "utf8",
        env: { ...process.env, NO_COLOR: "1" },
      });
  return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(async () => {
  ensureBuilt();
  inputs = tempDir("mip-disk-in-");
  writeFileSync(join(inputs, "school.xlsx"), await writeWorkbookGrid(sampleGrid()));
  disk = tempDir("mip-disk-");
  if (process.getuid?.() === 0) {
    mounted = spawnSync("mount", ["-t", "tmpfs", "-o", "size=160k", "tmpfs", disk]).status === 0;
  }
  // An earlier template the user filled in: it must survive a failed --force.
  existing = Buffer.concat([await writeWorkbookGrid(sampleGrid())]);
  writeFileSync(join(disk, "filled.xlsx"), existing);
  if (mounted) {
    // Leave about 8 KB: every output of mip is larger.
    const filler = join(disk, "filler.bin");
    writeFileSync(filler, Buffer.alloc(0));
    for (let size = 4096; ; size += 4096) {
      try {
        writeFileSync(filler, Buffer.alloc(4096), { flag: "a" });
      } catch {
        break;
      }
      if (size > 1024 * 1024) break;
    }
    const free = Number(
      spawnSync("df", ["--output=avail", "-k", disk], { encoding: "utf8" }).stdout.trim().split("\n").pop(),
    );
    expect(free).toBeLessThan(16);
  }
});

afterAll(() => {
  if (mounted) spawnSync("umount", [disk]);
});

/** What the folder holds besides the filler: names and bytes. */
function contents(): Map<string, Buffer> {
  return new Map(
    readdirSync(disk)
      .filter((name) => name !== "filler.bin")
      .map((name) => [name, readFileSync(join(disk, name))]),
  );
}

describe(`a full disk`, () => {
  it("mip template --force leaves the existing workbook untouched and no partial file", () => {
    const run = mipLimited(["template", "--sample", "--force", "--out", join(disk, "filled.xlsx")], disk);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      mounted ? /на диске нет места\. Файл не изменён\./ : /файл больше, чем позволяет система\. Файл не изменён\./,
    );
    const after = contents();
    expect([...after.keys()]).toEqual(["filled.xlsx"]);
    expect(after.get("filled.xlsx")!.equals(existing)).toBe(true);
  });

  it("mip template to a new name leaves no 0-byte file", () => {
    const run = mipLimited(["template", "--out", join(disk, "new.xlsx")], disk);
    expect(run.code).toBe(2);
    expect(existsSync(join(disk, "new.xlsx"))).toBe(false);
    expect([...contents().keys()]).toEqual(["filled.xlsx"]);
  });

  it("mip report leaves no truncated .docx occupying the name", () => {
    const run = mipLimited(["report", join(inputs, "school.xlsx"), "--out", join(disk, "report.docx")], disk);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^Не удалось записать отчёт/);
    expect([...contents().keys()]).toEqual(["filled.xlsx"]);
  });

  it("mip summary leaves no 0-byte dashboard", () => {
    const run = mipLimited(["summary", inputs, "--out", join(disk, "svod.xlsx")], disk);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Не удалось записать «.*svod\.xlsx»: .*Частично записанных файлов не осталось\./);
    expect([...contents().keys()]).toEqual(["filled.xlsx"]);
  });
});

describe("a full stdout", () => {
  it("is an error with a Russian reason, not a silent exit 0", () => {
    const run = spawnSync(
      "bash",
      ["-c", `"${process.execPath}" "${BIN}" validate "${join(inputs, "school.xlsx")}" --json > /dev/full`],
      { encoding: "utf8" },
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/Результат не выведен: на диске нет места\./);
  });
});
