/**
 * Ctrl-C (SIGINT): the line being redrawn (the progress bar) is cleared, the user is told in
 * Russian that the run stopped, temporary files are removed, and the exit code is 130 —
 * 128 + SIGINT's number 2, what shells report for a command stopped by Ctrl-C
 * (https://www.gnu.org/software/bash/manual/html_node/Exit-Status.html).
 * A file already given its name stays whole: files take their name only once complete (files.ts).
 */
import { removeTemporaries } from "./temporaries.js";

/** What clears the line a redrawn display leaves half-drawn; set while the display is on screen. */
let clearLine: (() => void) | null = null;

export function setInterruptCleanup(clear: (() => void) | null): void {
  clearLine = clear;
}

const INTERRUPTED_EXIT_CODE = 130;
const INTERRUPTED_MESSAGE = "Остановлено (Ctrl+C). Незаконченные файлы удалены; записанные раньше файлы целы.";

/** Everything but the exit: clears the bar, removes temporary files, says so on `stderr`. */
export function stopForInterrupt(stderr: Pick<NodeJS.WriteStream, "write"> = process.stderr): number {
  clearLine?.();
  clearLine = null;
  removeTemporaries();
  stderr.write(`${INTERRUPTED_MESSAGE}\n`);
  return INTERRUPTED_EXIT_CODE;
}

export function onInterrupt(): void {
  process.exit(stopForInterrupt());
}
