/**
 * The only way the sidebar builds DOM: elements with text children. Values from the sheet
 * become text nodes, never markup, so a cell holding `<img onerror=…>` is shown, not run.
 */

export type Child = Node | string | number | null | undefined | false;

export interface ElementOptions {
  class?: string;
  /** Plain attributes; event-handler attributes and href are refused (see linkTo). */
  attrs?: Record<string, string | number | boolean | null | undefined>;
  on?: Partial<Record<"click" | "keydown", (event: Event) => void>>;
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: ElementOptions = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (options.class) element.className = options.class;
  for (const [name, value] of Object.entries(options.attrs ?? {})) {
    if (/^on/i.test(name) || /^(href|src|srcdoc|action|formaction)$/i.test(name))
      throw new Error(`refused attribute ${name}`);
    if (value === null || value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? "" : String(value));
  }
  for (const [type, listener] of Object.entries(options.on ?? {})) {
    if (listener) element.addEventListener(type, listener);
  }
  append(element, children);
  return element;
}

function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(
      typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child,
    );
  }
}

/** Replace every child of `parent`. */
export function fill(parent: Node, ...children: Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, children);
}

/** Hosts whose links may become clickable: Google Docs (the report) and Drive (its PDF). */
const LINK_HOSTS = new Set(["docs.google.com", "drive.google.com"]);

/** Only links to Google Docs and Drive files may become clickable; everything else is refused. */
export function safeDocsUrl(url: unknown): string | null {
  if (typeof url !== "string") return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (
    parsed.protocol !== "https:" ||
    !LINK_HOSTS.has(parsed.hostname) ||
    parsed.username ||
    parsed.password ||
    parsed.port
  )
    return null;
  return parsed.href;
}

/** An external link that opens in a new tab without giving that tab a handle on this one. */
export function linkTo(url: string, ...children: Child[]): HTMLAnchorElement {
  const safe = safeDocsUrl(url);
  if (!safe) throw new Error("refused link");
  const link = h("a", { attrs: { target: "_blank", rel: "noopener noreferrer" } }, ...children);
  link.href = safe;
  return link;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} missing from Sidebar.html`);
  return element as T;
}
