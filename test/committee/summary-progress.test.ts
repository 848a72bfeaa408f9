import { describe, expect, it } from "vitest";
import { progressOn } from "../../src/local/commands/summary-progress.js";

function stream(isTTY: boolean) {
  const chunks: string[] = [];
  return { chunks, s: { isTTY, write: (c: string) => (chunks.push(c), true) } as unknown as NodeJS.WriteStream };
}

describe("mip summary progress", () => {
  it("draws a redrawn bar on a terminal and clears it at the end", () => {
    const { chunks, s } = stream(true);
    const p = progressOn(s, 4);
    p.step(0, "a.xlsx");
    p.step(2, "b.xlsx");
    p.finish();
    expect(chunks[0]).toMatch(/^\r\[░{24}\] 0\/4 a\.xlsx/);
    expect(chunks[1]).toMatch(/^\r\[█{12}░{12}\] 2\/4 b\.xlsx/);
    expect(chunks.at(-1)).toMatch(/^\r +\r$/);
  });

  it("writes two plain lines with correct plurals otherwise", () => {
    for (const [n, word] of [
      [1, "файл"],
      [3, "файла"],
      [11, "файлов"],
      [21, "файл"],
    ] as const) {
      const { chunks, s } = stream(false);
      const p = progressOn(s, n);
      p.step(0, "x");
      p.finish();
      expect(chunks).toEqual([`Свод: читаю ${n} ${word}…\n`, `Свод: прочитано ${n} из ${n}.\n`]);
    }
  });
});
