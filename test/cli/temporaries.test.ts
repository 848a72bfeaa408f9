/** Temporary files of an interrupted write are removed by Ctrl-C's handler; finished writes leave none registered. */
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeNewFile } from "../../src/local/files.js";
import { removeTemporaries, trackTemporary } from "../../src/local/temporaries.js";
import { stopForInterrupt } from "../../src/local/interrupt.js";
import { tempDir } from "./helpers.js";

describe("temporary files and Ctrl-C", () => {
  it("removes a registered temporary file that is still there, and ignores one already gone", () => {
    const dir = tempDir();
    const left = join(dir, ".mip-abc.tmp");
    writeFileSync(left, "half");
    trackTemporary(left);
    trackTemporary(join(dir, ".mip-gone.tmp"));
    const code = stopForInterrupt({ write: () => true } as never);
    expect(code).toBe(130);
    expect(existsSync(left)).toBe(false);
  });

  it("a completed write keeps its file and leaves nothing for the handler to remove", async () => {
    const dir = tempDir();
    const path = await writeNewFile(join(dir, "out.txt"), "whole");
    removeTemporaries();
    expect(readdirSync(dir)).toEqual(["out.txt"]);
    expect(existsSync(path)).toBe(true);
  });
});
