/**
 * Compile-time proof that ServerApi (src/api.ts), the contract the sidebar is typed against, is
 * exactly what main.ts exports for google.script.run: the same `sidebar…` functions with the
 * same parameters and results. Changing one side without the other fails `npm run typecheck`.
 * Type-only: nothing here reaches the bundle.
 */
import type { ServerApi } from "../api.js";
import type * as main from "./main.js";

type Main = typeof main;
/** main's exports the sidebar may call: by convention, every `sidebar…` function. */
type SidebarExports = { [K in keyof Main as K extends `sidebar${string}` ? K : never]: Main[K] };

/** Mutual assignability: parameters compared as tuples, so method bivariance cannot hide a change. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type SameFunction<F, G> = F extends (...args: infer A) => infer R
  ? G extends (...args: infer B) => infer S
    ? Same<[Same<A, B>, Same<R, S>], [true, true]>
    : false
  : false;
/** The names of the functions in one side only or different between them; never when they agree. */
export type ApiMismatches<Api, Impl> = {
  [K in keyof Api | keyof Impl]: K extends keyof Api
    ? K extends keyof Impl
      ? SameFunction<Impl[K], Api[K]> extends true
        ? never
        : K
      : K
    : K;
}[keyof Api | keyof Impl];

/** Fails to compile naming each function that is in one side only or differs between them. */
export type ExpectNone<T extends never> = T;
export type ServerApiMatchesMain = ExpectNone<ApiMismatches<ServerApi, SidebarExports>>;
