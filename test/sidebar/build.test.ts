/** scripts/build-sidebar.mjs: one inlined file, safe inlining, and the 100 KB budget enforced. */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./harness.js";

interface SidebarBuild {
  buildSidebar(root: string, dist: string): Promise<{ bytes: number }>;
  SIDEBAR_MAX_BYTES: number;
}
const { buildSidebar, SIDEBAR_MAX_BYTES } = (await import(join(ROOT, "scripts", "build-sidebar.mjs"))) as SidebarBuild;

function fakeProject(files: { main: string; css: string; html?: string }): { root: string; dist: string } {
  const root = mkdtempSync(join(tmpdir(), "mip-sidebar-build-"));
  mkdirSync(join(root, "sidebar"));
  mkdirSync(join(root, "dist"));
  writeFileSync(join(root, "sidebar", "main.ts"), files.main);
  writeFileSync(join(root, "sidebar", "style.css"), files.css);
  writeFileSync(
    join(root, "sidebar", "index.html"),
    files.html ?? "<!DOCTYPE html><html><head><!-- @css --></head><body><!-- @js --></body></html>",
  );
  return { root, dist: join(root, "dist") };
}

describe("sidebar build", () => {
  it("inlines the real sidebar into one file well under the budget", async () => {
    const dist = mkdtempSync(join(tmpdir(), "mip-sidebar-dist-"));
    const { bytes } = await buildSidebar(ROOT, dist);
    const html = readFileSync(join(dist, "Sidebar.html"), "utf8");
    expect(bytes).toBe(Buffer.byteLength(html));
    expect(bytes).toBeLessThan(SIDEBAR_MAX_BYTES);
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html.match(/<style>/g)).toHaveLength(1);
    expect(html).not.toContain("<!-- @");
    expect(html).toContain("Сформировать отчёт");
  });

  it("contains no markup-from-string or code-from-string API anywhere in the bundle", async () => {
    const dist = mkdtempSync(join(tmpdir(), "mip-sidebar-dist-"));
    await buildSidebar(ROOT, dist);
    const script = /<script>([\s\S]*)<\/script>/.exec(readFileSync(join(dist, "Sidebar.html"), "utf8"))![1]!;
    for (const risky of [
      "innerHTML",
      "outerHTML",
      "insertAdjacentHTML",
      "document.write",
      "eval(",
      "new Function",
      "createContextualFragment",
      "DOMParser",
    ]) {
      expect(script.includes(risky), risky).toBe(false);
    }
  });

  it("keeps code that mentions </script> or $& from breaking out of its tag", async () => {
    const { root, dist } = fakeProject({
      main: 'document.title = "</script><img src=x onerror=alert(1)>" + "$&" + "$1";',
      css: 'body::after { content: "</style>"; }',
    });
    await buildSidebar(root, dist);
    const html = readFileSync(join(dist, "Sidebar.html"), "utf8");
    expect(html.match(/<\/script>/gi)).toHaveLength(1);
    expect(html.match(/<\/style>/gi)).toHaveLength(1);
    expect(html).toContain("$&");
    expect(html).toContain("<\\/script>");
  });

  it("fails when the file would exceed 100 KB", async () => {
    const css = Array.from({ length: 4000 }, (_, i) => `.rule-${i} { margin-left: ${i}px; }`).join("\n");
    const { root, dist } = fakeProject({ main: "export {};", css });
    await expect(buildSidebar(root, dist)).rejects.toThrow(/over the 102400-byte budget/);
  });

  it("fails when the page would load a remote script", async () => {
    const { root, dist } = fakeProject({
      main: "export {};",
      css: "",
      html:
        "<!DOCTYPE html><html><head><!-- @css --><script " +
        'src="https://cdn.example/x.js"></script></head><body><!-- @js --></body></html>',
    });
    await expect(buildSidebar(root, dist)).rejects.toThrow(/remote resources/);
  });
});
