/**
 * How many cases a property test tries: all of them in `npm test`, a tenth (at least 20) in
 * `npm run test:unit`, which sets MIP_PROPERTY_RUNS=quick (vitest.unit.config.ts).
 */
export function propertyRuns(full: number): number {
  return process.env.MIP_PROPERTY_RUNS === "quick" ? Math.max(20, Math.ceil(full / 10)) : full;
}
