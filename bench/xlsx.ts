/**
 * Local .xlsx benchmark, the evidence for the reader's library:
 * - write the template, the sample and the 10,000-row workbook (exceljs, the template writer;
 *   docs/DEVELOPING.md «Выбор библиотек» compares it with the alternatives);
 * - read it, and the hostile 44 KB files (one merge / one dropdown over the whole sheet), with
 *   the SheetJS reader `mip` uses and with the former exceljs reader, each in its own process
 *   (time to read, peak memory), and whether both give the same `validate --json`;
 * - pack the 10,000-row report's .docx with Node's zlib (what `mip` does) and with JSZip's
 *   pure-JS deflate (what it did).
 * A reader that does not finish within 30 s (or runs out of memory) is reported as such.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import JSZip from "jszip";
import { buildReport } from "../src/core/report/build.js";
import { validateWorkbook } from "../src/core/validate.js";
import { renderDocx } from "../src/local/docx.js";
import { writeTemplate, writeWorkbookGrid } from "../src/local/xlsx-write.js";
import { dropdownAllWorkbook, mergeAllWorkbook } from "../test/cli/hostile.js";
import { syntheticGrid } from "./synthetic.js";

const CHILD = fileURLToPath(new URL("./read-child.ts", import.meta.url));
const LIMIT_MS = 30_000;

interface Read {
  ms: number | null;
  peakMB: number | null;
  outcome: string;
  json?: string;
}

function readIn(reader: "sheetjs" | "exceljs", file: string): Read {
  const child = spawnSync(process.execPath, ["--import", "tsx", CHILD, reader, file], {
    encoding: "utf8",
    timeout: LIMIT_MS,
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NODE_OPTIONS: "--max-old-space-size=4096" },
  });
  if (child.status !== 0) {
    const outcome = child.error ? `не закончил за ${LIMIT_MS / 1000} с` : `упал (код ${child.status ?? child.signal})`;
    return { ms: null, peakMB: null, outcome };
  }
  const { ms, peakMB, json } = JSON.parse(child.stdout.trim().split("\n").pop()!);
  return { ms, peakMB, outcome: "прочитан", json };
}

export async function run(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), "mip-bench-xlsx-"));
  try {
    const size = { planRows: 10000, pairs: 5000 };
    let started = performance.now();
    await writeTemplate();
    const templateWriteMs = performance.now() - started;
    started = performance.now();
    await writeTemplate({ sample: true });
    const sampleWriteMs = performance.now() - started;
    const grid = syntheticGrid(size);
    started = performance.now();
    const bytes = await writeWorkbookGrid(grid);
    const writeMs = performance.now() - started;
    const files: Record<string, Buffer> = {
      "10000 строк": bytes,
      "merge A10:XFD1048576": await mergeAllWorkbook(),
      "dropdown A1:XFD1048576": await dropdownAllWorkbook(),
    };
    const readers: Record<string, unknown> = {};
    for (const [name, data] of Object.entries(files)) {
      const path = join(dir, `${name.replace(/[^\w]+/g, "-")}.xlsx`);
      writeFileSync(path, data);
      const sheetjs = readIn("sheetjs", path);
      const exceljs = readIn("exceljs", path);
      const same = sheetjs.json !== undefined && exceljs.json !== undefined ? sheetjs.json === exceljs.json : null;
      delete sheetjs.json;
      delete exceljs.json;
      readers[name] = { kB: Math.round(data.length / 1024), sheetjs, exceljs, sameValidateJson: same };
    }
    // Packing the report's .docx: zlib (renderDocx) against JSZip's pure-JS deflate of the same parts.
    const built = buildReport(validateWorkbook(grid, { today: "2022-12-20" }), { strict: false });
    if (built.kind !== "document") throw new Error("no report model");
    const model = built.model;
    started = performance.now();
    const docx = await renderDocx(model);
    const renderZlibMs = performance.now() - started;
    const loaded = await JSZip.loadAsync(docx);
    const parts = await Promise.all(
      Object.keys(loaded.files).map(async (name) => ({ name, data: await loaded.file(name)!.async("nodebuffer") })),
    );
    // A fresh archive of the unpacked parts, so JSZip really deflates (a loaded entry would be copied as is).
    const fresh = new JSZip();
    for (const part of parts) fresh.file(part.name, part.data);
    started = performance.now();
    const jszip = await fresh.generateAsync({
      type: "nodebuffer",
      compression: "DEFLATE",
      compressionOptions: { level: 6 },
    });
    const packJsMs = performance.now() - started;
    const { packZip } = await import("../src/local/zip-pack.js");
    started = performance.now();
    const zlibPacked = packZip(parts);
    const packZlibMs = performance.now() - started;
    return {
      xlsx: {
        ...size,
        kB: Math.round(bytes.length / 1024),
        writeMs: Math.round(writeMs),
        templateWriteMs: Math.round(templateWriteMs),
        sampleWriteMs: Math.round(sampleWriteMs),
        readers,
        docxPack: {
          kB: Math.round(docx.length / 1024),
          renderMs: Math.round(renderZlibMs),
          zlibMs: Math.round(packZlibMs),
          zlibKB: Math.round(zlibPacked.length / 1024),
          pureJsMs: Math.round(packJsMs),
          pureJsKB: Math.round(jszip.length / 1024),
        },
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
