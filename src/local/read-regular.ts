/**
 * Reads a file only if it is a regular file, decided on the open file itself: a name checked
 * with stat and then read could meanwhile have become a FIFO, whose read blocks forever.
 * Opening with O_NONBLOCK never waits for a FIFO's writer (open(2)); fstat then tells what
 * was opened.
 */
import { constants } from "node:fs";
import { open } from "node:fs/promises";

/** What was opened is not a regular file (a FIFO, a device, a folder). */
export class NotRegularFileError extends Error {
  readonly code = "ENOTREG";
  constructor(
    path: string,
    readonly directory: boolean,
  ) {
    super(path);
  }
}

export async function readRegularFile(path: string | Buffer): Promise<Buffer> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new NotRegularFileError(String(path), info.isDirectory());
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}
