/**
 * A typed, promise-based bridge around google.script.run. Every server function's
 * arguments and result come from ServerApi, the type of src/gas/main.ts's `sidebar…` exports
 * (src/gas/server-api.ts), so the sidebar and the Apps Script side cannot disagree about a name
 * or a shape.
 */
import type { ServerApi } from "../src/gas/server-api.js";

export type ServerFunctionName = keyof ServerApi;
type ServerArgs<K extends ServerFunctionName> = Parameters<ServerApi[K]>;
type ServerResult<K extends ServerFunctionName> = ReturnType<ServerApi[K]>;

/** The subset of google.script.run the sidebar relies on. */
export interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown, userObject?: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: unknown, userObject?: unknown) => void): ScriptRunner;
  withUserObject(userObject: unknown): ScriptRunner;
  [serverFunction: string]: unknown;
}

/** Why a server call did not give a result; decides the message the user sees. */
export type FailureKind = "timeout" | "auth" | "quota" | "limit" | "network" | "unavailable" | "server";

export class ServerCallError extends Error {
  constructor(
    readonly kind: FailureKind,
    readonly functionName: ServerFunctionName,
    /** The server's own text (may be English from Google, or a Russian message from our code). */
    readonly detail: string,
    readonly timeoutMs?: number,
  ) {
    super(`${functionName}: ${kind}: ${detail}`);
    this.name = "ServerCallError";
  }
}

/** Classify a failure reported by google.script.run from its message (Google's texts are English). */
export function classifyFailure(detail: string): FailureKind {
  if (/authori[sz]|permission|access denied|login|sign ?in|авториз|разрешени|доступ запрещ/i.test(detail))
    return "auth";
  if (/exceeded maximum execution time|превышено максимальное время/i.test(detail)) return "limit";
  if (/too many|quota|invoked too many times|too much computer time|rate limit|лимит|квот/i.test(detail))
    return "quota";
  if (/network|connection|http 0|timed? ?out|offline|сет[иь]|соединени/i.test(detail)) return "network";
  return "server";
}

export interface BridgeOptions {
  /** How long to wait for each function before giving up (ms). */
  timeoutMs(name: ServerFunctionName): number;
  /** Where google.script.run lives; injected so tests and other hosts can provide it. */
  runner(): ScriptRunner | undefined;
}

export interface Bridge {
  call<K extends ServerFunctionName>(name: K, ...args: ServerArgs<K>): Promise<ServerResult<K>>;
}

function failureText(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === "string") return error;
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}

export function createBridge(options: BridgeOptions): Bridge {
  return {
    call<K extends ServerFunctionName>(name: K, ...args: ServerArgs<K>): Promise<ServerResult<K>> {
      return new Promise<ServerResult<K>>((resolve, reject) => {
        const runner = options.runner();
        if (!runner) {
          reject(new ServerCallError("unavailable", name, "google.script.run is missing"));
          return;
        }
        const timeoutMs = options.timeoutMs(name);
        let settled = false;
        const settle = (action: () => void) => {
          if (settled) return; // a late answer after a time-out is dropped
          settled = true;
          clearTimeout(timer);
          action();
        };
        const timer = setTimeout(
          () => settle(() => reject(new ServerCallError("timeout", name, `no answer in ${timeoutMs} ms`, timeoutMs))),
          timeoutMs,
        );
        const bound = runner
          .withSuccessHandler((value) => settle(() => resolve(value as ServerResult<K>)))
          .withFailureHandler((error) => {
            const detail = failureText(error);
            settle(() => reject(new ServerCallError(classifyFailure(detail), name, detail)));
          });
        const target = bound[name];
        if (typeof target !== "function") {
          settle(() => reject(new ServerCallError("unavailable", name, `${name} is not a server function`)));
          return;
        }
        try {
          (target as (...a: unknown[]) => void).apply(bound, args);
        } catch (error) {
          // google.script.run throws synchronously for arguments it cannot carry.
          settle(() => reject(new ServerCallError("server", name, failureText(error))));
        }
      });
    },
  };
}

interface HostWindow {
  google?: { script?: { run?: ScriptRunner } };
}

/** google.script.run of the HtmlService page, if present. */
export function hostRunner(): ScriptRunner | undefined {
  return (globalThis as unknown as HostWindow).google?.script?.run;
}
