/**
 * Rows of several workbooks where one thing may be listed by more than one of them (a mentoring
 * pair two schools both list): per key, the rows of the workbook that lists it most often are
 * kept, the first such workbook on a tie. So one workbook alone gives exactly its own rows, and a
 * pair listed by two schools counts once. The committee's totals and the project справка merge
 * pairs this way.
 */
export class MostListed<T> {
  private readonly kept = new Map<string, T[]>();

  constructor(private readonly keyOf: (item: T) => string) {}

  /** Adds one workbook's rows. */
  add(items: Iterable<T>): void {
    const own = new Map<string, T[]>();
    for (const item of items) {
      const key = this.keyOf(item);
      const list = own.get(key);
      if (list) list.push(item);
      else own.set(key, [item]);
    }
    for (const [key, list] of own) {
      const seen = this.kept.get(key);
      if (!seen || seen.length < list.length) this.kept.set(key, list);
    }
  }

  /** The kept rows, grouped by key, in first-seen order of the keys. */
  groups(): T[][] {
    return [...this.kept.values()];
  }
}
