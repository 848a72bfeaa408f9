/**
 * What the sidebar may call through google.script.run, derived from what main.ts exports: every
 * `sidebar…` function, with its own parameters and result. Nothing is written twice — adding a
 * function to main.ts adds it here. Type-only: nothing here reaches a bundle.
 */
import type * as main from "./main.js";

type Main = typeof main;

/** main's exports the sidebar may call: by convention, every `sidebar…` function. */
export type ServerApi = { [K in keyof Main as K extends `sidebar${string}` ? K : never]: Main[K] };
