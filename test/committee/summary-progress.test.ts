import { describe, expect, it } from "vitest";
import { clockTime, progressOn, timing } from "../../src/local/commands/summary-progress.js";
import { stopForInterrupt } from "../../src/local/interrupt.js";

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
    expect(chunks[0]).toMatch(/^\r\[░{24}\] 0\/4 0:00 a\.xlsx/);
    expect(chunks[1]).toMatch(/^\r\[█{12}░{12}\] 2\/4 0:00, осталось ≈ 0:00 b\.xlsx/);
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
      expect(chunks).toEqual([`Свод: читаю ${n} ${word}…\n`, `Свод: прочитано ${n} из ${n} за 0:00.\n`]);
    }
  });

  it("shows the elapsed time and an estimate of what is left", () => {
    const { chunks, s } = stream(true);
    let now = 1_000_000;
    const p = progressOn(s, 4, () => now);
    p.step(0, "a.xlsx");
    now += 30_000;
    p.step(1, "b.xlsx");
    now += 90_000;
    p.step(3, "d.xlsx");
    p.finish();
    expect(chunks[0]).toMatch(/ 0\/4 0:00 a\.xlsx$/);
    // 30 s for one file: three more take about 1:30.
    expect(chunks[1]).toMatch(/ 1\/4 0:30, осталось ≈ 1:30 b\.xlsx$/);
    expect(chunks[2]).toMatch(/ 3\/4 2:00, осталось ≈ 0:40 d\.xlsx$/);
  });

  it("formats times as a clock", () => {
    expect(clockTime(0)).toBe("0:00");
    expect(clockTime(7.4)).toBe("0:07");
    expect(clockTime(750)).toBe("12:30");
    expect(clockTime(3723)).toBe("1:02:03");
    expect(timing(5_000, 0, 10)).toBe("0:05");
    expect(timing(5_000, 10, 10)).toBe("0:05");
  });

  it("Ctrl-C clears a half-drawn bar before saying the run stopped", () => {
    const { chunks, s } = stream(true);
    const p = progressOn(s, 4);
    p.step(2, "b.xlsx");
    const err: string[] = [];
    // The bar and the message share the terminal; here they are two fakes, checked in order.
    const code = stopForInterrupt({ write: (c: string) => (err.push(c), chunks.push(c), true) } as never);
    expect(code).toBe(130);
    expect(chunks.at(-2)).toMatch(/^\r +\r$/);
    expect(chunks.at(-1)).toMatch(/^Остановлено \(Ctrl\+C\)\./);
    expect(err).toHaveLength(1);
  });
});
