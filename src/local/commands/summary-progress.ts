/**
 * Progress on stderr: a redrawn bar with the elapsed time and an estimate of what is left on a
 * terminal, plain start and end lines otherwise (logs, CI). While the bar is on screen, Ctrl-C
 * clears it before saying the run stopped (interrupt.ts).
 */
import { countWithNoun } from "../../core/russian.js";
import { setInterruptCleanup } from "../interrupt.js";

export interface Progress {
  step(done: number, label: string): void;
  finish(): void;
}

const WIDTH = 24;

/** Seconds as «0:07», «12:30», «1:02:03». */
export function clockTime(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const two = (n: number) => String(n).padStart(2, "0");
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${h}:${two(m)}:${two(s % 60)}` : `${m}:${two(s % 60)}`;
}

/** «0:12, осталось ≈ 1:05»: the estimate assumes the files still to read take as long as those read. */
export function timing(elapsedMs: number, done: number, total: number): string {
  const elapsed = clockTime(elapsedMs / 1000);
  if (done === 0 || done >= total) return elapsed;
  return `${elapsed}, осталось ≈ ${clockTime(((elapsedMs / done) * (total - done)) / 1000)}`;
}

type Stream = Pick<NodeJS.WriteStream, "write"> & { isTTY?: boolean };

export function progressOn(stream: Stream, total: number, now: () => number = Date.now): Progress {
  const started = now();
  if (!stream.isTTY) {
    stream.write(`Свод: читаю ${countWithNoun(total, ["файл", "файла", "файлов"])}…\n`);
    return {
      step() {},
      finish() {
        stream.write(`Свод: прочитано ${total} из ${total} за ${clockTime((now() - started) / 1000)}.\n`);
      },
    };
  }
  let last = "";
  const clear = () => {
    if (last) stream.write(`\r${" ".repeat(last.length)}\r`);
    last = "";
  };
  setInterruptCleanup(clear);
  return {
    step(done, label) {
      const filled = total === 0 ? WIDTH : Math.round((done / total) * WIDTH);
      const name = label.length > 40 ? `…${label.slice(-39)}` : label;
      const line =
        `[${"█".repeat(filled)}${"░".repeat(WIDTH - filled)}] ${done}/${total} ` +
        `${timing(now() - started, done, total)} ${name}`.trimEnd();
      stream.write(`\r${line}${" ".repeat(Math.max(0, last.length - line.length))}`);
      last = line;
    },
    finish() {
      clear();
      setInterruptCleanup(null);
    },
  };
}
