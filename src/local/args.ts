/** Argument parsing for the commands: node:util parseArgs with Russian usage errors. */
import { type ParseArgsConfig, parseArgs } from "node:util";

/** A wrong command line; `message` is one Russian sentence (exit 2). */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

type Options = NonNullable<ParseArgsConfig["options"]>;

export function parseCommandArgs<O extends Options>(args: readonly string[], options: O) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    const flag = /'([^']+)'/.exec((error as Error).message)?.[1];
    const code = (error as { code?: string }).code;
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && flag) {
      // Node names the option as «-o, --out <value>»: show the long form people type.
      const name = /--[\w-]+/.exec(flag)?.[0] ?? flag.split(" ")[0]!.replace(/,$/, "");
      throw new UsageError(`После ${name} укажите значение.`);
    }
    // A file whose name starts with a dash («-школа.xlsx») reads as options; say how to name it.
    const fileLike = flag ? args.find((a) => a.startsWith(flag) && /^-[^-].*\.\w+$/u.test(a)) : undefined;
    if (fileLike)
      throw new UsageError(`Неизвестный параметр «${fileLike}». Если это имя файла, напишите ./${fileLike}`);
    throw new UsageError(flag ? `Неизвестный или неполный параметр «${flag}».` : "Параметры команды не распознаны.");
  }
}

/** What a command's own parser answers besides its arguments: a usage problem, or `--help`. */
export type NotArguments = { error: string } | { help: true };

/**
 * parseCommandArgs for a command whose parser returns a usage problem as `{ error }` (one Russian
 * sentence) and `--help` (an option of `options`) as `{ help: true }`.
 */
export function parseCommandLine<O extends Options>(
  args: readonly string[],
  options: O,
): ReturnType<typeof parseCommandArgs<O>> | NotArguments {
  let parsed: ReturnType<typeof parseCommandArgs<O>>;
  try {
    parsed = parseCommandArgs(args, options);
  } catch (error) {
    if (error instanceof UsageError) return { error: error.message };
    throw error;
  }
  return (parsed.values as { help?: unknown }).help === true ? { help: true } : parsed;
}

/** `DD.MM.YYYY` (or ISO) → ISO date, or a UsageError. */
export function parseRuDateArg(text: string, flag: string): string {
  const ru = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text.trim());
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  const [d, m, y] = ru ? [ru[1], ru[2], ru[3]] : iso ? [iso[3], iso[2], iso[1]] : [];
  if (d && m && y) {
    const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
    if (date.getUTCFullYear() === Number(y) && date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d))
      return date.toISOString().slice(0, 10);
  }
  throw new UsageError(`${flag}: дата «${text}» не читается. Укажите её так: 20.12.2022.`);
}
