/**
 * Type-level tests, run by `npm run typecheck`: SchoolDigest and Metrics are their zod schemas'
 * types, so a field the schema lacks cannot be added to a digest (zod would drop it on read-back).
 * Each @ts-expect-error line must fail to compile.
 */
import type { SchoolDigest } from "../../src/core/committee/digest.js";
import type { Metrics } from "../../src/core/metrics.js";

declare const digest: SchoolDigest;
declare const metrics: Metrics;

export const same: SchoolDigest = { ...digest, metrics: { ...metrics } };
// @ts-expect-error a digest field the schema does not declare
export const extraDigestField: SchoolDigest = { ...digest, mentorsByOrg: 3 };
// @ts-expect-error a metric the schema does not declare
export const extraMetric: Metrics = { ...metrics, mentorsTrained: 3 };
// @ts-expect-error every field the schema declares is required
export const missingField: SchoolDigest = { ...digest, metrics: { planRows: 1 } };
