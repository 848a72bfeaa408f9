/**
 * The shape of a school digest (digest.ts), defined once: the types are the schemas'. It is
 * checked when a digest is read back from its hidden Свод cell: anyone with edit access to the
 * committee's sheet can change that cell, so nothing read from it is trusted until it matches.
 * zod/mini keeps the Apps Script bundle small (≈ 14 KB minified, against ≈ 90 KB for the
 * classic API).
 */
import * as z from "zod/mini";
import { isCountRecord } from "../text-keyed.js";
import { MetricsSchema } from "../metrics.js";

const counts = z.custom<Record<string, number>>(isCountRecord);
const text = z.string();

const DigestDeviationSchema = z.object({ no: text, activity: text, status: text, reason: text, action: text });
export type DigestDeviation = z.infer<typeof DigestDeviationSchema>;

const DigestNotHeldPairSchema = z.object({
  mentor: text,
  /** Absent in digests stored before the справка printed it. */
  mentee: z.optional(text),
  subject: text,
  reason: text,
});
export type DigestNotHeldPair = z.infer<typeof DigestNotHeldPairSchema>;

const DigestProblemSchema = z.object({ problem: text, solution: text, outcome: text });
export type DigestProblem = z.infer<typeof DigestProblemSchema>;

const DigestCountSchema = z.object({ name: text, count: z.number() });

/**
 * A pair: [mentor, mentee] as indexes into `names` (−1 when empty), the subject as written, the
 * status from the list ("" if none), then [mentor's, mentee's organisation] as indexes into `orgs`
 * (−1 when empty). The organisations are absent in digests stored before them.
 */
const DigestPairSchema = z.tuple([z.number(), z.number(), text, text, z.optional(z.number()), z.optional(z.number())]);
export type DigestPair = z.infer<typeof DigestPairSchema>;

const DigestPairsSchema = z.object({
  names: z.array(text),
  list: z.array(DigestPairSchema),
  /** The pairs' organisations as the workbook's «Организации» tab names them; absent in older digests. */
  orgs: z.optional(z.array(text)),
});
export type DigestPairs = z.infer<typeof DigestPairsSchema>;

const DigestRoadmapLinkSchema = z.tuple([text, text, z.number(), text, text, z.boolean()]);
export type DigestRoadmapLink = z.infer<typeof DigestRoadmapLinkSchema>;

export const SchoolDigestSchema = z.object({
  /** «Сокращённое наименование», else the full name. */
  organisation: text,
  fullName: text,
  municipality: text,
  reportType: text,
  period: text,
  topic: text,
  templateVersion: z.nullable(text),
  summary: z.object({ errors: z.number(), warnings: z.number(), infos: z.number(), completeness: z.number() }),
  metrics: MetricsSchema,
  /** Organisations of the project (Организации) with their type from the list. */
  orgs: z.array(z.object({ name: text, type: text })),
  participants: z.array(DigestCountSchema),
  deviations: z.array(DigestDeviationSchema),
  notHeldPairs: z.array(DigestNotHeldPairSchema),
  problems: z.array(DigestProblemSchema),
  /** How many findings of each rule id (errors and warnings only). */
  findings: counts,
  /** The first few error messages, for «schools whose reports still have errors». */
  firstErrors: z.array(text),
  /**
   * Every mentoring pair, people as folded names, so the committee counts a pair or a person
   * once when two schools' workbooks list them (a centre's workbook lists the pairs its mentors
   * hold in schools that keep their own). Absent in digests stored before it and for very
   * large projects: their counts are summed.
   */
  pairs: z.optional(DigestPairsSchema),
  /**
   * The school's rows tied to the committee's roadmap (template version 3, «Пункт дорожной
   * карты»): [item, tab, row, activity, fact, done]. Read with the rest of the workbook, so the
   * execution tab is rebuilt from the Свод rows without opening a school again. Absent in older digests.
   */
  roadmap: z.optional(z.array(DigestRoadmapLinkSchema)),
  /** The plan rows and events in one hash (copies.ts): two workbooks with the same one are one project. Absent in older digests. */
  fingerprint: z.optional(text),
});
export type SchoolDigest = z.infer<typeof SchoolDigestSchema>;
