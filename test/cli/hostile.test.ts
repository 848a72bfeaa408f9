/**
 * The built `mip` on hostile and careless workbooks (hostile.ts): each once crashed it, hung
 * it, printed escape sequences, or wrote a file Word and Excel refuse.
 *
 * @module-tag slow
 */
import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { writeWorkbookGrid } from "../../src/local/xlsx-write.js";
import { sampleGrid } from "../../src/demo/sample.js";
import { TEMPLATE_VERSION } from "../../src/core/schema.js";
import { BIN, binForOtherUsers, ensureBuilt, hasStackTrace, mip, sharedTempDir, tempDir } from "./helpers.js";
import {
  LONG_NAME,
  dropdownAllWorkbook,
  escapesWorkbook,
  longNameGrid,
  mergeAllWorkbook,
  patchSheet,
} from "./hostile.js";

let dir: string;
let sampleMetrics: { planRows: number; pairsTotal: number };

beforeAll(async () => {
  ensureBuilt();
  dir = tempDir("mip-hostile-");
  writeFileSync(join(dir, "sample.xlsx"), await writeWorkbookGrid(sampleGrid()));
  writeFileSync(join(dir, "merge-all.xlsx"), await mergeAllWorkbook());
  writeFileSync(join(dir, "dropdown-all.xlsx"), await dropdownAllWorkbook());
  writeFileSync(join(dir, "escapes.xlsx"), await escapesWorkbook());
  writeFileSync(join(dir, "long-name.xlsx"), await writeWorkbookGrid(longNameGrid()));
  sampleMetrics = JSON.parse(mip(["validate", "sample.xlsx", "--json"], dir).stdout).metrics;
});

const ESC = "\u001b";

describe("hostile workbooks", () => {
  it.each(["merge-all.xlsx", "dropdown-all.xlsx"])(
    "%s (44 KB, one range over the whole sheet) is read at the cost of its cells",
    (file) => {
      const run = mip(["validate", file, "--json"], dir);
      expect(run.code).toBe(1);
      expect(hasStackTrace(run.stderr)).toBe(false);
      const json = JSON.parse(run.stdout);
      // The merge blanks nothing the file has below row 10 except what it covers: the plan reads as plan rows 2–9.
      if (file === "dropdown-all.xlsx") expect(json.metrics).toMatchObject(sampleMetrics);
      else expect(json.metrics.planRows).toBeLessThan(sampleMetrics.planRows);
    },
  );

  it.each(["merge-all.xlsx", "dropdown-all.xlsx"])(
    "mip template --upgrade refuses %s with one sentence instead of expanding it",
    (file) => {
      const run = mip(["template", "--upgrade", file, "--out", `up-${file}`], dir);
      expect(run.code).toBe(2);
      expect(run.stderr.trim()).toMatch(/охватывает почти весь лист — такую таблицу нельзя обновить/);
      expect(readdirSync(dir)).not.toContain(`up-${file}`);
    },
  );

  it("a workbook that unpacks beyond the cap is refused with one Russian sentence before it is inflated", async () => {
    // A sheet declaring 2 GB unpacked in its directory: refused from the directory alone.
    const bytes = Buffer.from(await writeWorkbookGrid(sampleGrid()));
    const at = bytes.lastIndexOf(Buffer.from("xl/worksheets/sheet1.xml"));
    const central = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at);
    bytes.writeUInt32LE(0x7fffffff, central + 24);
    writeFileSync(join(dir, "bomb.xlsx"), bytes);
    const run = mip(["validate", "bomb.xlsx"], dir);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toMatch(
      /^Файл «bomb\.xlsx» слишком большой для таблицы МИП: в распакованном виде больше 150 МБ\./,
    );
  });

  it("a template version written by LibreOffice (&quot; entities) reads as the version", async () => {
    const zip = await JSZip.loadAsync(await writeWorkbookGrid(sampleGrid()));
    const xml = await zip.file("xl/workbook.xml")!.async("string");
    // What LibreOffice Calc writes on re-save (observed: soffice --headless --convert-to xlsx).
    zip.file(
      "xl/workbook.xml",
      xml.replace(
        /<definedName name="MIP_TEMPLATE_VERSION">"([^"<]+)"<\/definedName>/,
        '<definedName function="false" hidden="false" name="MIP_TEMPLATE_VERSION" ' +
          'vbProcedure="false">&quot;$1&quot;</definedName>',
      ),
    );
    writeFileSync(join(dir, "libreoffice.xlsx"), await zip.generateAsync({ type: "nodebuffer" }));
    expect(zip.file("xl/workbook.xml")).not.toBeNull();
    expect(await zip.file("xl/workbook.xml")!.async("string")).toContain(`&quot;${TEMPLATE_VERSION}&quot;`);
    expect(JSON.parse(mip(["validate", "libreoffice.xlsx", "--json"], dir).stdout).templateVersion).toBe(
      TEMPLATE_VERSION,
    );
  });

  it("escape sequences and bidi overrides from cells are shown escaped on the terminal", () => {
    const run = mip(["validate", "escapes.xlsx"], dir);
    expect(run.stdout).not.toContain(ESC);
    expect(run.stdout).not.toContain("\u0007");
    expect(run.stdout).toContain("\\u{1B}]0;взлом\\u{07}");
    const json = mip(["validate", "escapes.xlsx", "--json"], dir).stdout;
    expect(json).not.toContain(ESC);
    expect(json).not.toContain("\u202e");
  });

  it("characters XML cannot carry are dropped from every part of the .docx and the .xlsx written", async () => {
    expect(mip(["report", "escapes.xlsx", "--out", "escapes.docx"], dir).code).toBe(0);
    expect(mip(["summary", "escapes.xlsx", "--out", "escapes-svod.xlsx"], dir).code).toBe(0);
    const notXml = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
    for (const file of ["escapes.docx", "escapes-svod.xlsx"]) {
      const zip = await JSZip.loadAsync(readFileSync(join(dir, file)));
      const parts = Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n));
      expect(parts).toContain(file.endsWith(".docx") ? "docProps/core.xml" : "xl/sharedStrings.xml");
      for (const part of parts)
        expect(notXml.test(await zip.file(part)!.async("string")), `${file}: ${part}`).toBe(false);
    }
    const core = await (
      await JSZip.loadAsync(readFileSync(join(dir, "escapes.docx")))
    )
      .file("docProps/core.xml")!
      .async("string");
    expect(core).toContain("Школа № 1");
  });

  it("a 131-character organisation name gets a default report name within 255 bytes", () => {
    const out = join(dir, "long");
    mkdirSync(out);
    writeFileSync(join(out, "long-name.xlsx"), readFileSync(join(dir, "long-name.xlsx")));
    const run = mip(["report", "long-name.xlsx"], out);
    expect(run.code).toBe(0);
    const docx = readdirSync(out).filter((f) => f.endsWith(".docx"));
    expect(docx).toHaveLength(1);
    expect(Buffer.byteLength(docx[0]!, "utf8")).toBeLessThanOrEqual(255);
    expect(docx[0]).toContain(LONG_NAME.slice(0, 40));
    // Twice: still unique.
    expect(mip(["report", "long-name.xlsx"], out).code).toBe(0);
    expect(readdirSync(out).filter((f) => f.endsWith(".docx"))).toHaveLength(2);
  });
});

describe("mip summary accounts for every school", () => {
  it("many good files plus the two hostile ones give one row each", () => {
    const folder = join(dir, "many");
    mkdirSync(folder);
    const good = readFileSync(join(dir, "sample.xlsx"));
    for (let i = 0; i < 30; i++) writeFileSync(join(folder, `school-${String(i).padStart(2, "0")}.xlsx`), good);
    writeFileSync(join(folder, "merge-all.xlsx"), readFileSync(join(dir, "merge-all.xlsx")));
    writeFileSync(join(folder, "dropdown-all.xlsx"), readFileSync(join(dir, "dropdown-all.xlsx")));
    const run = mip(["summary", "many", "--json"], dir);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.schools).toHaveLength(32);
    // The same workbook thirty times is one project: the first is read, the others are named its copies.
    const states = json.schools.map((s: { state: string }) => s.state);
    expect(states.every((st: string) => st === "ОК" || st.startsWith("Копия другой таблицы: "))).toBe(true);
    expect(states.filter((st: string) => st.startsWith("Копия другой таблицы: ")).length).toBeGreaterThanOrEqual(29);
  });

  it("unreadable folders, undecodable names, links and loops each get a row; nothing stops the others", () => {
    // Everything the other user needs — the folder, the file a link points to, and mip itself —
    // sits where that user can reach it, wherever the checkout is (a clone in a private folder too).
    const folder = sharedTempDir("mip-summary-odd-");
    const elsewhere = sharedTempDir("mip-summary-elsewhere-");
    const good = readFileSync(join(dir, "sample.xlsx"));
    writeFileSync(join(elsewhere, "sample.xlsx"), good, { mode: 0o644 });
    writeFileSync(join(folder, "a-good.xlsx"), good, { mode: 0o644 });
    mkdirSync(join(folder, "closed"), { mode: 0o755 });
    writeFileSync(join(folder, "closed", "inside.xlsx"), good, { mode: 0o644 });
    chmodSync(join(folder, "closed"), 0o000);
    // A folder named in Windows-1251 («Школа» in cp1251 bytes), as a USB stick from another machine has it.
    const cp1251 = Buffer.concat([Buffer.from(folder + "/"), Buffer.from([0xd8, 0xea, 0xee, 0xeb, 0xe0])]);
    mkdirSync(cp1251, { mode: 0o755 });
    writeFileSync(Buffer.concat([cp1251, Buffer.from("/school.xlsx")]), good, { mode: 0o644 });
    symlinkSync(join(folder, "a-good.xlsx"), join(folder, "b-link.xlsx"));
    symlinkSync(join(elsewhere, "sample.xlsx"), join(folder, "c-link-elsewhere.xlsx"));
    symlinkSync(join(folder, "nowhere.xlsx"), join(folder, "d-broken.xlsx"));
    symlinkSync(folder, join(folder, "e-loop"));
    // As root every folder is readable: the command then runs as «nobody», as a user without the right would.
    const asOther = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const out = execFileSync(process.execPath, [asOther.uid ? binForOtherUsers() : BIN, "summary", folder, "--json"], {
      encoding: "utf8",
      cwd: folder,
      ...asOther,
      stdio: ["ignore", "pipe", "pipe"],
    });
    chmodSync(join(folder, "closed"), 0o755);
    const schools = (JSON.parse(out) as { schools: { file: string; state: string }[] }).schools;
    const stateOf = (part: string) => schools.find((s) => s.file.includes(part))?.state;
    expect(stateOf("a-good")).toBe("ОК");
    expect(stateOf("closed")).toMatch(/^Ошибка чтения: папка не читается: нет прав на чтение/);
    // The same workbook again is read, and named a copy of the first.
    const readOrCopy = /^(ОК|Копия другой таблицы: .+)$/u;
    expect(stateOf("school.xlsx")).toMatch(readOrCopy);
    // The link to a file already listed is that file once; a link elsewhere is read.
    expect(schools.filter((s) => s.file.includes("b-link"))).toHaveLength(0);
    expect(stateOf("c-link-elsewhere")).toMatch(readOrCopy);
    expect(stateOf("d-broken")).toMatch(/ссылка ведёт на файл, которого нет/);
    expect(stateOf("e-loop")).toMatch(/петлю/);
  });

  it("--out inside the input folder keeps that school, and the next run does not read the summary as a school", () => {
    const folder = join(dir, "with-out");
    mkdirSync(folder);
    const good = readFileSync(join(dir, "sample.xlsx"));
    writeFileSync(join(folder, "one.xlsx"), good);
    writeFileSync(join(folder, "two.xlsx"), good);
    const first = mip(["summary", "with-out", "--out", "with-out/one.xlsx", "--json"], dir);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout).schools).toHaveLength(2);
    expect(readFileSync(join(folder, "one.xlsx")).equals(good)).toBe(true);
    const second = mip(["summary", "with-out", "--out", "with-out/svod.xlsx", "--json"], dir);
    expect(JSON.parse(second.stdout).schools).toHaveLength(2);
    expect(second.stderr).toMatch(/«[^»]*one \(2\)\.xlsx» пропущен: это свод, а не таблица школы/);
  });

  it("an --out it cannot write is found before reading any file", () => {
    const run = mip(["summary", "many", "--out", "no-such-folder/svod.xlsx"], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^Не удалось записать «no-such-folder\/svod\.xlsx»: папки «.*no-such-folder» нет/);
    expect(run.stderr).not.toContain("Свод: читаю");
  });
});

describe("patchSheet", () => {
  it("refuses a patch that changes nothing (a fixture that silently stopped being hostile)", async () => {
    await expect(patchSheet(await writeWorkbookGrid(sampleGrid()), 0, (xml) => xml)).rejects.toThrow(/changed nothing/);
  });
});
