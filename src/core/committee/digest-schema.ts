/**
 * The shape of a stored school digest, checked when it is read back from its hidden Свод cell:
 * anyone with edit access to the committee's sheet can change that cell, so nothing read from it
 * is trusted until it matches. zod/mini keeps the Apps Script bundle small (≈ 14 KB minified,
 * against ≈ 90 KB for the classic API).
 */
import * as z from "zod/mini";
import type { Metrics } from "../metrics.js";
import type { SchoolDigest } from "./digest.js";

const counts = z.record(z.string(), z.number());
const text = z.string();

export const MetricsSchema = z.object({
  completeness: z.number(),
  planRows: z.number(),
  planDone: z.number(),
  planDue: z.number(),
  planExecution: z.nullable(z.number()),
  deviations: z.number(),
  pairsTotal: z.number(),
  pairsActive: z.number(),
  pairsNotHeld: z.number(),
  mentors: z.number(),
  mentees: z.number(),
  menteeOrgs: z.number(),
  pairsBySubject: counts,
  maxMentorLoad: z.number(),
  participantsTotal: z.number(),
  eventsByTab: counts,
  eventsByLevel: counts,
  publications: z.number(),
  publicationsByLevel: counts,
  contestsByLevel: z.record(z.string(), z.object({ participations: z.number(), wins: z.number() })),
  speechesByLevel: counts,
});

export const SchoolDigestSchema = z.object({
  organisation: text,
  fullName: text,
  municipality: text,
  reportType: text,
  period: text,
  topic: text,
  templateVersion: z.nullable(text),
  summary: z.object({ errors: z.number(), warnings: z.number(), infos: z.number(), completeness: z.number() }),
  metrics: MetricsSchema,
  orgs: z.array(z.object({ name: text, type: text })),
  participants: z.array(z.object({ name: text, count: z.number() })),
  deviations: z.array(z.object({ no: text, activity: text, status: text, reason: text, action: text })),
  // `mentee` was added later: digests stored before it stay readable.
  notHeldPairs: z.array(z.object({ mentor: text, mentee: z.optional(text), subject: text, reason: text })),
  problems: z.array(z.object({ problem: text, solution: text, outcome: text })),
  findings: counts,
  firstErrors: z.array(text),
  // Added later: digests stored before it stay readable (their counts are summed).
  pairs: z.optional(z.object({ names: z.array(text), list: z.array(z.tuple([z.number(), z.number(), text, text])) })),
});

// Compile-time guards: the schemas must produce exactly what the interfaces promise.
export const schemaMatchesMetrics = (value: z.infer<typeof MetricsSchema>): Metrics => value;
export const schemaMatchesDigest = (value: z.infer<typeof SchoolDigestSchema>): SchoolDigest => value;
