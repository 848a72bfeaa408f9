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

/** JSON escapes C0 controls itself; C1 controls and bidi overrides are escaped here (\uXXXX, still the same JSON). */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\ufff9-\ufffb\ufffe\uffff]/gu;

export function jsonSafe(json: string): string {
  return json.replace(UNSAFE_IN_JSON, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** What the stream guard lets through raw: line breaks, carriage returns (a redrawn progress line) and tabs. */
const UNSAFE_ON_STREAM =
  // eslint-disable-next-line no-control-regex -- control characters are what this removes
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\ufff9-\ufffb\ufffe\uffff]/gu;

/** The same, except the colour and weight sequences of style.ts, the only escapes `mip` itself writes. */
const UNSAFE_EXCEPT_OWN_COLOUR = new RegExp(`(\u001b\\[(?:1|2|22|31|32|33|34|39)m)|${UNSAFE_ON_STREAM.source}`, "gu");

/**
 * Makes every string written to `stream` safe, whatever path it took: a file name, an
 * argument such as `--report-date` or a library's message echoed in a sentence. With
 * `colour` on, the colour sequences of style.ts pass; nothing else that acts on a terminal does.
 */
export function guardStream(stream: NodeJS.WriteStream, colour: boolean): void {
  const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
  const safe = (text: string): string =>
    colour
      ? text.replace(UNSAFE_EXCEPT_OWN_COLOUR, (match: string, own: string | undefined) => own ?? escaped(match))
      : text.replace(UNSAFE_ON_STREAM, escaped);
  stream.write = ((chunk: unknown, ...rest: unknown[]) =>
    write(typeof chunk === "string" ? safe(chunk) : chunk, ...rest)) as typeof stream.write;
}
