/** Errors the CLI turns into one Russian sentence and exit code 2 (kept apart so `mip help` loads no reader). */

/** Input that cannot be read as a МИП workbook at all; `message` is one Russian sentence. */
export class UnusableInputError extends Error {
  override readonly name = "UnusableInputError";
  constructor(message: string) {
    super(message);
  }
}
