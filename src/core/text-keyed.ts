/**
 * Records keyed by text from cells (subjects, names, states). A plain `{}` answers
 * «constructor», «toString» or «__proto__» from its prototype, so a subject with such a name
 * counted as a function glued to numbers, or vanished; a record without a prototype holds
 * every text as an ordinary key.
 */
export function textKeyed<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** Adds `n` to the count under `key` of a record made by textKeyed. */
export function addCount(record: Record<string, number>, key: string, n = 1): void {
  record[key] = (record[key] ?? 0) + n;
}

/**
 * True for a record of finite numbers. zod's own record check copies the keys into a plain
 * object and leaves «__proto__» out, so a subject of that name would vanish from a digest read
 * back; this check keeps the record as it came (JSON.parse makes every key an own property).
 */
export function isCountRecord(value: unknown): value is Record<string, number> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  return Object.values(value).every((n) => typeof n === "number" && Number.isFinite(n));
}
