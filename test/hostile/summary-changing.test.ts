/**
 * `mip summary`'s reading of a folder that changes while it is read: a file deleted after the
 * listing, one replaced by a folder, one by a FIFO, one rewritten half-way. Each becomes a row
 * with its reason; the others are read; nothing blocks.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { stateText } from "../../src/core/committee/states.js";
import { sampleGrid } from "../../src/demo/sample.js";
import { collectInputs, summariseFiles } from "../../src/local/commands/summary.js";
import { writeWorkbookGrid } from "../../src/local/xlsx-write.js";
import { NotRegularFileError, readRegularFile } from "../../src/local/read-regular.js";
import { tempDir } from "../cli/helpers.js";

describe("a folder changing while it is read", () => {
  it("gives every listed file a row with its reason, and reads the rest", async () => {
    const folder = tempDir("mip-hostile-changing-");
    const good = await writeWorkbookGrid(sampleGrid());
    for (const name of ["a.xlsx", "b-deleted.xlsx", "c-folder.xlsx", "d-fifo.xlsx", "e-truncated.xlsx", "f.xlsx"])
      writeFileSync(join(folder, name), good);
    const { files } = await collectInputs([folder], new Set());
    expect(files).toHaveLength(6);
    const records = await summariseFiles(files, {
      onProgress: (done) => {
        // After the listing and before the first file is read, the folder changes under the reader.
        if (done !== 0) return;
        rmSync(join(folder, "b-deleted.xlsx"));
        rmSync(join(folder, "c-folder.xlsx"));
        mkdirSync(join(folder, "c-folder.xlsx"));
        rmSync(join(folder, "d-fifo.xlsx"));
        execFileSync("mkfifo", [join(folder, "d-fifo.xlsx")]);
        writeFileSync(join(folder, "e-truncated.xlsx"), readFileSync(join(folder, "a.xlsx")).subarray(0, 5000));
      },
    });
    const stateOf = (name: string) => stateText(records.find((r) => String(r.id).endsWith(name))!.state);
    expect(records).toHaveLength(6);
    expect(stateOf("a.xlsx")).toBe("ОК");
    // f.xlsx holds the same project as a.xlsx: read, and named a copy so it is counted once.
    expect(stateOf("f.xlsx")).toBe("Копия другой таблицы: МОУ ДО «Центр развития образования»");
    expect(stateOf("b-deleted.xlsx")).toMatch(/^Ошибка чтения: файл не читается/);
    expect(stateOf("c-folder.xlsx")).toMatch(/^Ошибка чтения: не файл/);
    expect(stateOf("d-fifo.xlsx")).toMatch(/^Ошибка чтения: не файл/);
    expect(stateOf("e-truncated.xlsx")).toMatch(/^Ошибка чтения: Файл «e-truncated\.xlsx» повреждён/);
  });
});

describe("reading only regular files", () => {
  it("a FIFO met at the read (after any stat) is refused at once instead of blocking; a file is read whole", async () => {
    const folder = tempDir("mip-hostile-fifo-");
    const fifo = join(folder, "pipe.xlsx");
    execFileSync("mkfifo", [fifo]);
    await expect(readRegularFile(fifo)).rejects.toBeInstanceOf(NotRegularFileError);
    await expect(readRegularFile(folder)).rejects.toMatchObject({ directory: true });
    writeFileSync(join(folder, "a.bin"), "содержимое");
    expect((await readRegularFile(join(folder, "a.bin"))).toString()).toBe("содержимое");
  });
});
