/**
 * Captures what a command run in-process writes to stdout and stderr. Like a real stream, the
 * mock calls the write callback, so code that waits for its text to be handed over (writeStdout)
 * goes on.
 */
import { vi } from "vitest";

type Callback = (error?: Error | null) => void;

function capture(stream: NodeJS.WriteStream, keep: (text: string) => void): void {
  vi.spyOn(stream, "write").mockImplementation((chunk: unknown, ...rest: unknown[]) => {
    keep(String(chunk));
    const done = rest.find((arg): arg is Callback => typeof arg === "function");
    if (done) queueMicrotask(() => done(null));
    return true;
  });
}

/** Starts capturing, each write handed to its function; restore with vi.restoreAllMocks(). */
export function captureOutput(stdout: (text: string) => void, stderr: (text: string) => void): void {
  capture(process.stdout, stdout);
  capture(process.stderr, stderr);
}
