// Builds dist/Sidebar.html: the sidebar's TypeScript and CSS inlined into one file, as
// HtmlService serves a single HTML file and the sidebar may load nothing remote.
import { build, transform } from "esbuild";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** HtmlService sidebar budget; the build fails above it. */
export const SIDEBAR_MAX_BYTES = 100 * 1024;

/** Keep inlined code from closing its own element early. */
function escapeForInlineTag(code, tag) {
  return code.replace(new RegExp(`</${tag}`, "gi"), `<\\/${tag}`);
}

/** Replace one `<!-- @name -->` marker; a function replacer so `$&` in code stays literal. */
function inject(html, marker, content) {
  const token = `<!-- @${marker} -->`;
  if (html.split(token).length !== 2) throw new Error(`sidebar/index.html must contain ${token} exactly once`);
  return html.replace(token, () => content);
}

export async function buildSidebar(root, dist) {
  const dir = join(root, "sidebar");
  const script = await build({
    entryPoints: [join(dir, "main.ts")],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2019",
    minify: true,
    legalComments: "none",
    charset: "utf8",
    write: false,
    logLevel: "warning",
  });
  const js = escapeForInlineTag(script.outputFiles[0].text.trim(), "script");
  const css = escapeForInlineTag(
    (
      await transform(readFileSync(join(dir, "style.css"), "utf8"), { loader: "css", minify: true, target: "chrome80" })
    ).code.trim(),
    "style",
  );
  let html = readFileSync(join(dir, "index.html"), "utf8");
  html = inject(html, "css", `<style>${css}</style>`);
  html = inject(html, "js", `<script>${js}</script>`);
  const bytes = Buffer.byteLength(html, "utf8");
  if (bytes > SIDEBAR_MAX_BYTES) {
    throw new Error(`dist/Sidebar.html is ${bytes} bytes, over the ${SIDEBAR_MAX_BYTES}-byte budget`);
  }
  if (/<(?:link|script)[^>]+(?:src|href)\s*=\s*["']?(?:https?:)?\/\//i.test(html)) {
    throw new Error("dist/Sidebar.html must not load remote resources");
  }
  if (html.includes("<?")) {
    // HtmlService templates would read it as a scriptlet if the file is ever served as a template.
    throw new Error("dist/Sidebar.html must not contain «<?»");
  }
  writeFileSync(join(dist, "Sidebar.html"), html);
  return { bytes };
}
