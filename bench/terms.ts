/**
 * Reading benchmark: terms and counts as people type them, and hostile cells. What the unit
 * tests check for correctness is timed here, where a busy machine cannot fail a test.
 * Returns {"terms":{…}} for `npm run bench`: best of five runs, milliseconds.
 */
import { readCount } from "../src/core/numbers.js";
import { addDays, formatRuDate, parseTerm } from "../src/core/terms/index.js";
import type { Period } from "../src/core/terms/types.js";
import { PLAN_TERMS } from "../test/helpers/plan-terms.js";

const YEAR_2022: Period = { start: "2022-01-01", end: "2022-12-31", label: "2022", kind: "year" };
const REPEATED = PLAN_TERMS;
const HOSTILE = ["1".repeat(50_000), "01.01-".repeat(8_000), "май, ".repeat(10_000), "а".repeat(50_000)];

function best(runs: number, work: (run: number) => void): number {
  let fastest = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work(i);
    fastest = Math.min(fastest, performance.now() - start);
  }
  return Math.round(fastest * 10) / 10;
}

export async function run(): Promise<Record<string, unknown>> {
  // 10,000 plan rows repeating a dozen terms (the memo's case), then 10,000 distinct ones.
  const repeatedMs = best(5, () => {
    for (let i = 0; i < 10_000; i++) parseTerm(REPEATED[i % REPEATED.length]!, { period: YEAR_2022 });
  });
  const distinct = Array.from({ length: 10_000 }, (_, i) => {
    const start = addDays("2000-01-01", i);
    return `${formatRuDate(start)}-${formatRuDate(addDays(start, 10))}`;
  });
  const distinctMs = best(5, () => {
    for (const text of distinct) parseTerm(`${text} `, { period: YEAR_2022 });
  });
  // Each run a different text: the memo must not answer for the reader.
  const hostileTermMs = Math.max(
    ...HOSTILE.map((text) => best(5, (run) => void parseTerm(`${text}${run}`, { period: YEAR_2022 }))),
  );
  const hostileCountMs = best(5, () => {
    readCount(`1${" а".repeat(25_000)}1`);
    readCount(`1 ${"чел".repeat(20_000)}1`);
  });
  console.error(
    `Сроки: 10 000 повторяющихся — ${repeatedMs} мс, 10 000 разных — ${distinctMs} мс; ячейка ` +
      `в 50 000 знаков — до ${hostileTermMs} мс; длинное число-текст — ${hostileCountMs} мс`,
  );
  return {
    terms: { repeated10kMs: repeatedMs, distinct10kMs: distinctMs, hostileTermMaxMs: hostileTermMs, hostileCountMs },
  };
}
