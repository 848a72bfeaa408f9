/**
 * Terminal output helpers: colour when writing to a terminal, following two conventions —
 * NO_COLOR present and not empty prevents colour (https://no-color.org/), FORCE_COLOR present
 * and not empty adds it even when the output is a file or a pipe (https://force-color.org/),
 * whatever their value. When both are set, NO_COLOR wins: a refusal of colour is kept.
 */

export interface Painter {
  red(text: string): string;
  yellow(text: string): string;
  blue(text: string): string;
  green(text: string): string;
  bold(text: string): string;
  dim(text: string): string;
}

const wrap = (on: boolean, open: number, close: number) => (text: string) =>
  on ? `\u001b[${open}m${text}\u001b[${close}m` : text;

/**
 * Whether to colour what goes to `stream` under the environment `env`: NO_COLOR refuses,
 * FORCE_COLOR asks even for a file or a pipe, otherwise a terminal that is not «dumb».
 */
export function colourOn(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR) return true;
  return Boolean(stream.isTTY) && env.TERM !== "dumb";
}

export function painter(stream: { isTTY?: boolean } = process.stdout, env: NodeJS.ProcessEnv = process.env): Painter {
  const on = colourOn(stream, env);
  return {
    red: wrap(on, 31, 39),
    yellow: wrap(on, 33, 39),
    blue: wrap(on, 34, 39),
    green: wrap(on, 32, 39),
    bold: wrap(on, 1, 22),
    dim: wrap(on, 2, 22),
  };
}

/** A painter that never colours (files written by `mip demo`). */
export const plain: Painter = painter({ isTTY: false }, {});
