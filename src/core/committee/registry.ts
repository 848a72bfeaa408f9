/**
 * Реестр parsing: one entry per school row. The link cell may hold a full Google Sheets URL,
 * a bare id, or junk (spaces, a trailing «/edit#gid=0», a link pasted twice, a hyperlink's
 * text) — the id is extracted when one can be recognised, otherwise the row is kept with
 * id null so the dashboard can say «Нет ссылки» instead of silently dropping the school.
 */
import { type Cell, cellText, isEmptyRow } from "../grid.js";
import { fold } from "../fold.js";
import { REGISTRY_HEADERS } from "./headers.js";

export interface RegistryEntry {
  /** 1-based row in Реестр. */
  readonly row: number;
  readonly organisation: string;
  /** Spreadsheet id, null when the link cell holds nothing recognisable. */
  readonly id: string | null;
  /** The link cell as typed (never shown as a link: links are rebuilt from the id). */
  readonly linkText: string;
  readonly responsible: string;
  readonly email: string;
}

/** Google file ids are long runs of letters, digits, «-» and «_». */
const ID_PATTERN = /^[A-Za-z0-9_-]{25,}$/;
const URL_ID = /\/spreadsheets\/(?:u\/\d+\/)?d\/([A-Za-z0-9_-]{25,})/;
const QUERY_ID = /[?&]id=([A-Za-z0-9_-]{25,})/;

/** A spreadsheet id from a URL or a bare id; null when the text holds neither. */
export function spreadsheetIdFrom(text: string): string | null {
  const trimmed = text.trim().replace(/^['"«<\s]+|['"»>\s]+$/g, "");
  if (trimmed === "") return null;
  const fromUrl = URL_ID.exec(trimmed) ?? QUERY_ID.exec(trimmed);
  if (fromUrl) return fromUrl[1]!;
  if (ID_PATTERN.test(trimmed)) return trimmed;
  return null;
}

/** The link the add-on shows for a school: built from the id, never copied from a cell. */
export function spreadsheetUrl(id: string): string {
  return `https://docs.google.com/spreadsheets/d/${id}`;
}

/** A Google Docs link built from a document id (the school's last report). */
export function documentUrl(id: string): string {
  return `https://docs.google.com/document/d/${id}`;
}

const DOC_URL_ID = /\/document\/(?:u\/\d+\/)?d\/([A-Za-z0-9_-]{25,})/;

/** The document id from a report link stored by a school, null when there is none. */
export function documentIdFrom(text: string): string | null {
  const trimmed = text.trim();
  const m = DOC_URL_ID.exec(trimmed) ?? QUERY_ID.exec(trimmed);
  if (m) return m[1]!;
  return ID_PATTERN.test(trimmed) ? trimmed : null;
}

/** Column positions of the Реестр headers (by folded text, falling back to the contract order). */
function registryColumns(header: readonly Cell[]): number[] {
  const found = header.map((c) => fold(cellText(c)));
  return REGISTRY_HEADERS.map((h, i) => {
    const at = found.indexOf(fold(h));
    return at >= 0 ? at : i;
  });
}

/** 0-based column of «Ссылка на таблицу МИП» in Реестр (from its header row). */
export function registryLinkColumn(header: readonly Cell[]): number {
  return registryColumns(header)[1]!;
}

/** Реестр rows (row 1 = headers) → entries; blank rows are skipped. */
export function parseRegistry(rows: readonly (readonly Cell[])[]): RegistryEntry[] {
  if (rows.length === 0) return [];
  const [orgAt, linkAt, respAt, emailAt] = registryColumns(rows[0] ?? []) as [number, number, number, number];
  const entries: RegistryEntry[] = [];
  for (let r = 1; r < rows.length; r++) {
    const raw = rows[r];
    if (!raw || isEmptyRow(raw)) continue;
    const linkText = cellText(raw[linkAt]);
    entries.push({
      row: r + 1,
      organisation: cellText(raw[orgAt]),
      id: spreadsheetIdFrom(linkText),
      linkText,
      responsible: cellText(raw[respAt]),
      email: cellText(raw[emailAt]),
    });
  }
  return entries;
}
