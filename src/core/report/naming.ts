/**
 * Report names. Shared by Apps Script (Drive) and the CLI (file system): neither ever
 * overwrites an existing document, they number a new version.
 */
import { squeeze } from "../russian.js";

/** «Отчёт МИП — {org_short_name} — {period}», as docs/REPORT.md names the document. */
export function reportFileName(orgShortName: string, period: string): string {
  const org = squeeze(orgShortName) || "без названия";
  const when = squeeze(period) || "период не указан";
  return `Отчёт МИП — ${org} — ${when}`;
}

/** «name», «name (2)», «name (3)» … — the first name `taken` says is free. */
export function firstFreeName(name: string, taken: (candidate: string) => boolean, maxTries = 10_000): string {
  if (!taken(name)) return name;
  for (let n = 2; n <= maxTries; n++) {
    const candidate = `${name} (${n})`;
    if (!taken(candidate)) return candidate;
  }
  throw new Error(`no free name for ${name}`);
}

/** A document name made safe as a file name on every OS (slashes, colons, quotes of the shell kind). */
export function safeFileName(name: string): string {
  const cleaned = name
    // eslint-disable-next-line no-control-regex -- control characters are not allowed in file names
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, "_")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[. ]+$/u, "");
  return cleaned === "" ? "Отчёт МИП" : cleaned;
}
