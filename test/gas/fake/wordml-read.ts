/**
 * Reading WordprocessingML as text: the top-level children of an element and a paragraph's
 * text. Shared by the fake Drive's .docx import (docx-import.ts) and the tests that read a .docx.
 */
export const decodeXml = (s: string): string =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

export function paragraphText(xml: string): string {
  let text = "";
  for (const m of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:t\/>|<w:(br|tab)(?:\s[^>]*)?\/>/g)) {
    if (m[2] === "br") text += "\n";
    else if (m[2] === "tab") text += "\t";
    else text += decodeXml(m[1] ?? "");
  }
  return text;
}

/** Top-level children of an element's inner XML with the given tags, in order (handles nesting). */
export function children(xml: string, tags: readonly string[]): { tag: string; xml: string }[] {
  const out: { tag: string; xml: string }[] = [];
  const open = new RegExp(`<(w:(?:${tags.join("|")}))(?=[\\s>/])`, "g");
  let at = 0;
  for (;;) {
    open.lastIndex = at;
    const m = open.exec(xml);
    if (!m) break;
    const tag = m[1]!;
    const start = m.index;
    const selfClose = xml.indexOf(">", start);
    if (xml[selfClose - 1] === "/") {
      out.push({ tag, xml: xml.slice(start, selfClose + 1) });
      at = selfClose + 1;
      continue;
    }
    // Find the matching close tag, counting nested elements of the same name.
    const re = new RegExp(`<${tag}(?=[\\s>/])|</${tag}>`, "g");
    re.lastIndex = selfClose + 1;
    let depth = 1;
    let end = -1;
    for (let t = re.exec(xml); t; t = re.exec(xml)) {
      if (t[0].startsWith("</")) depth--;
      else if (xml[xml.indexOf(">", t.index) - 1] !== "/") depth++;
      if (depth === 0) {
        end = t.index + t[0].length;
        break;
      }
    }
    out.push({ tag, xml: xml.slice(start, end) });
    at = end;
  }
  return out;
}
