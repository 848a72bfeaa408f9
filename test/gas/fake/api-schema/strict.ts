/**
 * An advanced service as Google serves it: every call is checked against the API's published
 * definition (validate.ts) before the fake runs it. A refused payload — one Google would answer
 * with 400 Bad Request, or one the fake does not model — is recorded in a RefusalLog as well as
 * thrown, so a test fails even when the add-on catches the error and carries on
 * (test/setup/refused-calls.ts); a test that plants a fault takes the refusals it expects.
 * What a call returns is trimmed to its `fields` mask, or to Drive's default fields without one
 * (mask.ts): code reading a field it did not ask for gets nothing, as from Google.
 */
import { type ApiKey } from "./schema.js";
import { DRIVE_DEFAULT_FIELDS, applyFieldMask } from "./mask.js";
import { apiSchema } from "./schema.js";
import { ApiRefusal, callFromArguments, checkAdvancedCall } from "./validate.js";

/** One accepted call, as the script made it (for tests that replay the add-on's own payloads). */
export interface AcceptedCall {
  readonly method: string;
  readonly args: readonly unknown[];
}

export class RefusalLog {
  private readonly entries: string[] = [];
  /** Set by a test: every accepted call is kept (a deep copy of its arguments, blobs left out). */
  keepCalls = false;
  readonly accepted: AcceptedCall[] = [];
  record(method: string, message: string): void {
    this.entries.push(`${method}: ${message}`);
  }
  /** The refusals so far, emptying the log (a test that expected them). */
  take(): string[] {
    return this.entries.splice(0);
  }
  get size(): number {
    return this.entries.length;
  }
}

/** Errors that are the payload's fault: the validator's, a batch's invalid request, what the fake does not model. */
function isPayloadRefusal(error: unknown): boolean {
  if (error instanceof ApiRefusal) return true;
  const message = error instanceof Error ? error.message : String(error);
  return /failed with error: (?:Invalid|fake: .*not modelled)|^fake: .*not modelled/.test(message);
}

/** JSON arguments copied; anything else (an upload's blob) kept as it is. */
const copyArguments = (args: readonly unknown[]): unknown[] =>
  args.map((a) => (a && typeof a === "object" && !("getBytes" in a) ? structuredClone(a) : a));

/** The mask a response is trimmed to: the call's `fields`, else Drive's default fields for the method. */
function fieldsOf(api: ApiKey, method: string, args: readonly unknown[]): string | null {
  const query = callFromArguments(apiSchema(api).methods[method]!, args).query;
  if (typeof query.fields === "string") return query.fields;
  return api === "drive" ? (DRIVE_DEFAULT_FIELDS[method] ?? null) : null;
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** `service` (Docs, Drive or Sheets) with every method call checked and refusals logged. */
export function strictService<T extends object>(api: ApiKey, service: T, log: RefusalLog, prefix: string[] = []): T {
  const children = new Map<string, unknown>();
  return new Proxy(service, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof prop !== "string" || prop.startsWith("_")) return value;
      if (typeof value === "function") {
        const method = [...prefix.map(lowerFirst), prop].join(".");
        return function checkedCall(...args: unknown[]) {
          try {
            checkAdvancedCall(api, method, args);
            if (log.keepCalls) log.accepted.push({ method: `${api}.${method}`, args: copyArguments(args) });
            const result = (value as (...a: unknown[]) => unknown).apply(target, args);
            const fields = fieldsOf(api, method, args);
            return fields && result && typeof result === "object" ? applyFieldMask(result, fields) : result;
          } catch (error) {
            if (isPayloadRefusal(error))
              log.record(`${api}.${method}`, error instanceof Error ? error.message : String(error));
            throw error;
          }
        };
      }
      // A resource (Documents, Files, Spreadsheets.Values): its methods are checked too.
      if (value && typeof value === "object" && /^[A-Z]/.test(prop)) {
        if (!children.has(prop)) children.set(prop, strictService(api, value, log, [...prefix, prop]));
        return children.get(prop);
      }
      return value;
    },
  });
}

const watched = new Set<RefusalLog>();

/** Logs of environments running the add-on's bundle: their refusals fail the test (under vitest only). */
export function watchRefusals(log: RefusalLog): void {
  if (process.env.VITEST) watched.add(log);
}

/** Every refusal no test took since the last call, from every watched log. */
export function unexpectedRefusals(): string[] {
  const all = [...watched].flatMap((log) => log.take());
  watched.clear();
  return all;
}
