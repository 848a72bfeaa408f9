/** Progress on stderr: a redrawn bar on a terminal, plain start and end lines otherwise (logs, CI). */
import { countWithNoun } from "../../core/russian.js";

export interface Progress {
  step(done: number, label: string): void;
  finish(): void;
}

const WIDTH = 24;

export function progressOn(stream: NodeJS.WriteStream, total: number): Progress {
  if (!stream.isTTY) {
    stream.write(`Свод: читаю ${countWithNoun(total, ["файл", "файла", "файлов"])}…\n`);
    return {
      step() {},
      finish() {
        stream.write(`Свод: прочитано ${total} из ${total}.\n`);
      },
    };
  }
  let last = "";
  return {
    step(done, label) {
      const filled = total === 0 ? WIDTH : Math.round((done / total) * WIDTH);
      const name = label.length > 40 ? `…${label.slice(-39)}` : label;
      const line = `[${"█".repeat(filled)}${"░".repeat(WIDTH - filled)}] ${done}/${total} ${name}`;
      stream.write(`\r${line}${" ".repeat(Math.max(0, last.length - line.length))}`);
      last = line;
    },
    finish() {
      stream.write(`\r${" ".repeat(last.length)}\r`);
    },
  };
}
