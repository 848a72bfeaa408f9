/**
 * Pretty-printed JSON written in pieces: the object without its long list, then the list's
 * items a batch at a time, byte for byte what `JSON.stringify(value, null, 2)` gives. A
 * workbook with 100,000 findings otherwise makes one string of ≈100 MB and several copies
 * of it on the way to stdout.
 */
import { jsonSafe } from "./terminal.js";

const BATCH = 1000;
const PLACEHOLDER = '"\u0000items\u0000"';

/** Writes `value` with its array at `key` (a top-level property) streamed item by item. */
export function writeJsonStreamed(write: (text: string) => void, value: Record<string, unknown>, key: string): void {
  const items = value[key];
  if (!Array.isArray(items) || items.length === 0) {
    write(`${jsonSafe(JSON.stringify(value, null, 2))}\n`);
    return;
  }
  const frame = JSON.stringify({ ...value, [key]: PLACEHOLDER }, null, 2);
  const at = frame.indexOf(JSON.stringify(PLACEHOLDER));
  write(`${jsonSafe(frame.slice(0, at))}[\n`);
  for (let start = 0; start < items.length; start += BATCH) {
    const batch = items
      .slice(start, start + BATCH)
      .map((item) => `    ${JSON.stringify(item, null, 2).replace(/\n/g, "\n    ")}`)
      .join(",\n");
    write(`${jsonSafe(batch)}${start + BATCH < items.length ? "," : ""}\n`);
  }
  write(`  ]${jsonSafe(frame.slice(at + JSON.stringify(PLACEHOLDER).length))}\n`);
}
