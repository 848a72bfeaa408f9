/**
 * Text from cells on a terminal stays text: control characters (ESC of colour and title
 * sequences, BEL, backspace, C1 controls) and bidirectional overrides (which reorder what
 * follows them on screen) are shown escaped as «\u{1B}» instead of acting on the terminal.
 * Line breaks and tabs inside a cell are shown as «\n» and «\t» so one finding stays one line.
 */
const UNSAFE =
  // eslint-disable-next-line no-control-regex -- control characters are what this removes
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\ufff9-\ufffb\ufffe\uffff]/gu;

function escaped(ch: string): string {
  if (ch === "\n") return "\\n";
  if (ch === "\t") return "\\t";
  if (ch === "\r") return "\\r";
  return `\\u{${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(2, "0")}}`;
}

/** One line of terminal output with every unsafe character escaped. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, escaped);
}

/** Several lines: the line breaks between them kept, each line made safe. */
export function terminalSafeLines(text: string): string {
  return text
    .split("\n")
    .map((line) => terminalSafe(line))
    .join("\n");
}

/** JSON escapes C0 controls itself; C1 controls and bidi overrides are escaped here (\uXXXX, still the same JSON). */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\ufff9-\ufffb\ufffe\uffff]/gu;

export function jsonSafe(json: string): string {
  return json.replace(UNSAFE_IN_JSON, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
