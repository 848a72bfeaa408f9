/**
 * Which workbooks a справка is made from: the project's (the coordinating organisation's)
 * and those of its participating organisations — only the ones the project's «Организации»
 * lists and that report for the same period, so figures of different years are never added
 * up. Every workbook left out is named with its reason.
 */
import { generalText } from "../report/read.js";
import { orgIndexOf } from "../rules/orgs.js";
import { orgKey } from "../rules/read.js";
import type { ValidationResult } from "../validate.js";

interface SpravkaSchool {
  readonly result: ValidationResult;
  /** The organisation as the project's «Организации» lists it. */
  readonly name: string;
  /** Its type there («Школа с НОР», «Школа-лидер» …), null when not from the list. */
  readonly type: string | null;
}

export interface LeftOut {
  /** File name or registry name, as the user knows it. */
  readonly label: string;
  /** Russian: why it is not in the справка. */
  readonly reason: string;
}

export interface SpravkaSources {
  readonly project: ValidationResult;
  readonly schools: readonly SpravkaSchool[];
  readonly leftOut: readonly LeftOut[];
}

export interface Candidate {
  readonly label: string;
  readonly result: ValidationResult;
}

const periodText = (result: ValidationResult): string =>
  result.context.period?.label ?? generalText(result.workbook, "period");

function samePeriod(a: ValidationResult, b: ValidationResult): boolean {
  const pa = a.context.period;
  const pb = b.context.period;
  if (pa && pb) return pa.start === pb.start && pa.end === pb.end;
  return orgKey(periodText(a)) === orgKey(periodText(b));
}

/** The project plus the candidates that belong to it; the others with their reasons. */
export function selectSources(project: ValidationResult, candidates: readonly Candidate[]): SpravkaSources {
  const orgs = orgIndexOf(project.workbook.tables.orgs.rows);
  const own = [generalText(project.workbook, "org_short_name"), generalText(project.workbook, "org_full_name")]
    .filter((n) => n !== "")
    .map(orgKey);
  const schools: SpravkaSchool[] = [];
  const leftOut: LeftOut[] = [];
  const taken = new Set<string>();
  for (const candidate of candidates) {
    const wb = candidate.result.workbook;
    const names = [generalText(wb, "org_short_name"), generalText(wb, "org_full_name")].filter((n) => n !== "");
    if (names.some((n) => own.includes(orgKey(n)))) {
      leftOut.push({ label: candidate.label, reason: "это таблица самого проекта" });
      continue;
    }
    const entry = names.map((n) => orgs.find(n)).find((e) => e !== undefined);
    if (!entry) {
      const shown = names[0] ? `«${names[0]}»` : "организация не указана";
      leftOut.push({ label: candidate.label, reason: `${shown} нет на вкладке «Организации» проекта` });
      continue;
    }
    if (!samePeriod(project, candidate.result)) {
      leftOut.push({
        label: candidate.label,
        reason:
          `отчётный период «${periodText(candidate.result) || "не указан"}», ` +
          `а у проекта «${periodText(project) || "не указан"}»`,
      });
      continue;
    }
    const key = orgKey(entry.name);
    if (taken.has(key)) {
      leftOut.push({ label: candidate.label, reason: `таблица организации «${entry.name}» уже учтена` });
      continue;
    }
    taken.add(key);
    schools.push({ result: candidate.result, name: entry.name, type: entry.type });
  }
  return { project, schools, leftOut };
}
