/**
 * Counts every Apps Script service call the code under test makes ("Range.getValues", …),
 * so tests and the benchmark can assert that work scales with tabs, not rows.
 */
export class CallCounter {
  private readonly byName = new Map<string, number>();
  private pausedDepth = 0;
  total = 0;
  /**
   * Asked before every counted call (the platform's scope, auth-mode and trigger checks,
   * test/gas/fake/scopes.ts); a refusal throws before the call does anything.
   */
  guard: ((name: string) => void) | null = null;

  hit(name: string): void {
    if (this.pausedDepth > 0) return;
    this.guard?.(name);
    this.total++;
    this.byName.set(name, (this.byName.get(name) ?? 0) + 1);
  }

  /** Calls of one method, e.g. count("Range.getValues"). */
  count(name: string): number {
    return this.byName.get(name) ?? 0;
  }

  /** Calls whose name starts with a prefix, e.g. countPrefix("DocumentApp") or countPrefix("Range."). */
  countPrefix(prefix: string): number {
    let n = 0;
    for (const [name, c] of this.byName) if (name.startsWith(prefix)) n += c;
    return n;
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.byName].sort(([a], [b]) => a.localeCompare(b)));
  }

  reset(): void {
    this.byName.clear();
    this.total = 0;
  }

  /** Runs `fn` without counting (tests inspecting the fake through its public methods). */
  paused<T>(fn: () => T): T {
    this.pausedDepth++;
    try {
      return fn();
    } finally {
      this.pausedDepth--;
    }
  }
}

/**
 * Wraps a fake object so that every public method call (names not starting with "_") is
 * counted as `${type}.${method}`. Methods run with the proxy as `this`, so chained calls
 * (`range.setValues(v).setFontWeight("bold")`) are counted too.
 */
export function counted<T extends object>(target: T, type: string, counter: CallCounter): T {
  return new Proxy(target, {
    get(t, prop, receiver) {
      const value: unknown = Reflect.get(t, prop, receiver);
      if (typeof value !== "function" || typeof prop !== "string" || prop.startsWith("_") || prop === "constructor")
        return value;
      return function countedCall(this: unknown, ...args: unknown[]) {
        counter.hit(`${type}.${prop}`);
        return (value as (...a: unknown[]) => unknown).apply(receiver, args);
      };
    },
  });
}

/** Call-name prefixes of the services that make a Google Doc (the report's own calls, bench/gas.ts). */
export const DOCUMENT_SERVICES = [
  "Drive.",
  "Docs.",
  "Blob.",
  "Utilities.newBlob",
  "Utilities.zip",
  "Utilities.base64Decode",
  "DocumentApp.",
  "Document.",
  "Body.",
  "Paragraph.",
  "Table",
  "Text.",
];

/** The fakes implement a Pick of the real interface; a fake returned where the real type is expected. */
export function gas<T>(fake: unknown): T {
  return fake as T;
}

/** The message Apps Script gives for an id the user cannot open. */
export const NO_ACCESS =
  "Exception: No item with the given ID could be found. Possibly because " +
  "you have not edited this item or you do not have permission to access it.";
