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
