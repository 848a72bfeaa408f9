// The template .xlsx the committee deployment uploads for every school's new workbook (Drive
// converts it into a Google Sheet): written by the same writeTemplate() as `mip template`, so
// the two can never differ. src/local/xlsx-write.ts is TypeScript with Node dependencies: it is
// bundled by esbuild into memory and run once here; the bytes go into the bundle as base64.
import { build } from "esbuild";
import { createRequire } from "node:module";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** base64 of the blank template .xlsx. */
export async function templateXlsxBase64(root) {
  const out = await build({
    stdin: {
      contents: 'export { writeTemplate } from "./src/local/xlsx-write.ts";',
      resolveDir: root,
      loader: "ts",
    },
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    write: false,
    logLevel: "warning",
  });
  const dir = mkdtempSync(join(tmpdir(), "mip-template-"));
  try {
    const file = join(dir, "template.cjs");
    writeFileSync(file, out.outputFiles[0].text);
    const { writeTemplate } = createRequire(import.meta.url)(file);
    const bytes = await writeTemplate();
    return Buffer.from(bytes).toString("base64");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
