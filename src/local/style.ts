/** Terminal output helpers: colour only when writing to a terminal (and NO_COLOR is unset). */

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

/** True when `stream` is a terminal that takes colour (NO_COLOR unset, TERM not «dumb»). */
export function colourOn(stream: { isTTY?: boolean }): boolean {
  return Boolean(stream.isTTY) && !process.env.NO_COLOR && process.env.TERM !== "dumb";
}

export function painter(stream: { isTTY?: boolean } = process.stdout): Painter {
  const on = colourOn(stream);
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
export const plain: Painter = painter({ isTTY: false });
