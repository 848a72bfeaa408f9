/**
 * The `mip` command: dispatches to one module per command. Every failure ends as one
 * Russian sentence on stderr and exit code 2 — never a stack trace (set MIP_DEBUG=1 to see one).
 */
import pkg from "../../package.json";
import { UsageError } from "./args.js";
import { UnusableInputError } from "./errors.js";
import { writeFailure } from "./files.js";
import { overview } from "./help.js";
import { onInterrupt } from "./interrupt.js";
import { colourOn } from "./style.js";
import { guardStream, terminalSafe } from "./terminal.js";

/** A message followed by another sentence needs its own full stop. */
const asSentence = (text: string): string => (/[.!?…]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

type CommandRun = (args: string[]) => Promise<number>;

const COMMANDS: Record<string, () => Promise<{ run: CommandRun }>> = {
  template: () => import("./commands/template.js"),
  validate: () => import("./commands/validate.js"),
  report: () => import("./commands/report.js"),
  summary: () => import("./commands/summary.js"),
  spravka: () => import("./commands/spravka.js"),
  survey: () => import("./commands/survey.js"),
  roadmap: () => import("./commands/roadmap.js"),
  demo: () => import("./commands/demo.js"),
};

export const HELP = overview();

// Nothing from a file name, an argument or a cell acts on the terminal, whichever command wrote it.
guardStream(process.stdout, colourOn(process.stdout));
guardStream(process.stderr, false);

function stderr(text: string): void {
  process.stderr.write(`${text}\n`);
}

export async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === "help" || first === "--help" || first === "-h") {
    const topic = first === "help" ? rest[0] : undefined;
    if (topic !== undefined) {
      if (COMMANDS[topic]) return (await COMMANDS[topic]()).run(["--help"]);
      stderr(
        `Неизвестная команда «${terminalSafe(topic)}». Команды: ${Object.keys(COMMANDS).join(", ")}. Справка: mip help`,
      );
      return 2;
    }
    process.stdout.write(`${HELP}\n`);
    return first === undefined ? 2 : 0;
  }
  if (first === "--version" || first === "-v" || first === "version") {
    process.stdout.write(`${pkg.version}\n`);
    return 0;
  }
  const load = COMMANDS[first];
  if (!load) {
    stderr(`Неизвестная команда «${first}». Команды: ${Object.keys(COMMANDS).join(", ")}. Справка: mip help`);
    return 2;
  }
  try {
    return await (await load()).run(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      stderr(`${asSentence(error.message)} Справка: mip help ${first}`);
      return 2;
    }
    if (error instanceof UnusableInputError) {
      stderr(error.message);
      return 2;
    }
    if (process.env.MIP_DEBUG) stderr(String((error as Error)?.stack ?? error));
    stderr(
      `Команда не выполнена из-за внутренней ошибки. Сообщите ` +
        `разработчикам, что делали (MIP_DEBUG=1 покажет подробности).`,
    );
    return 2;
  }
}

// Output that cannot be written (a full disk, a closed pipe) is an error, never a silent exit 0.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  stderr(`Результат не выведен: ${error.code === "EPIPE" ? "получатель вывода закрыт" : writeFailure(error)}.`);
  process.exit(2);
});

// Errors raised outside the command's promise (a library's stray stream error) end the same way.
const internalFailure = (error: unknown) => {
  if (process.env.MIP_DEBUG) stderr(String((error as Error)?.stack ?? error));
  stderr(
    "Команда не выполнена из-за внутренней ошибки. Сообщите " +
      "разработчикам, что делали (MIP_DEBUG=1 покажет подробности).",
  );
  process.exit(2);
};
process.on("uncaughtException", internalFailure);
process.on("unhandledRejection", internalFailure);
process.on("SIGINT", onInterrupt);

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    // Flush: a write error still pending reaches the handler above (exit 2).
    process.stdout.write("");
  },
  () => {
    process.stderr.write("Команда не выполнена из-за внутренней ошибки.\n");
    process.exitCode = 2;
  },
);
