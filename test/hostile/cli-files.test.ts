/**
 * The built `mip` on the hostile corpus (corpus.ts): every file is either read correctly or
 * refused with one Russian sentence and exit 2, with no stack trace, nothing written and
 * the input unchanged.
 *
 * @module-tag slow
 */
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { sampleGrid } from "../../src/demo/sample.js";
import { writeWorkbookGrid } from "../../src/local/xlsx-write.js";
import { ensureBuilt, hasStackTrace, mip, tempDir } from "../cli/helpers.js";
import {
  capBypassByName,
  capBypassByPrefix,
  deepNesting,
  duplicatedEntry,
  encryptedWorkbook,
  entityBomb,
  macroEnabled,
  odsRenamed,
  otherProgram,
  sharedStringOutOfRange,
  traversalNames,
  unpackAll,
} from "./corpus.js";

let dir: string;
let sampleMetrics: Record<string, unknown>;

const sha = (path: string): string => createHash("sha256").update(readFileSync(path)).digest("hex");

/** Files refused, with the sentence each must give. */
const REFUSED: Record<string, { build: () => Promise<Buffer> | Buffer; says: RegExp }> = {
  "cap-by-name.xlsx": {
    build: capBypassByName,
    says: /слишком большой для таблицы МИП: в нём больше 1\s500\s000 ячеек/,
  },
  "cap-by-prefix.xlsx": {
    build: capBypassByPrefix,
    says: /слишком большой для таблицы МИП: в нём больше 1\s500\s000 ячеек/,
  },
  "duplicated.xlsx": { build: duplicatedEntry, says: /одна и та же часть записана в архиве дважды/ },
  "shared-string.xlsx": { build: sharedStringOutOfRange, says: /повреждён: вкладка «План-факт» не читается/ },
  "dotdot.xlsx": { build: () => traversalNames("dotdot"), says: /части с недопустимыми именами/ },
  "backslash.xlsx": { build: () => traversalNames("backslash"), says: /части с недопустимыми именами/ },
  "absolute.xlsx": { build: () => traversalNames("absolute"), says: /части с недопустимыми именами/ },
  "entities.xlsx": { build: entityBomb, says: /объявления DTD/ },
  "ods-renamed.xlsx": { build: odsRenamed, says: /таблица OpenDocument \(\.ods\) с расширением \.xlsx/ },
  "encrypted.xlsx": { build: encryptedWorkbook, says: /защищён паролем/ },
};

beforeAll(async () => {
  ensureBuilt();
  dir = tempDir("mip-hostile-corpus-");
  writeFileSync(join(dir, "sample.xlsx"), await writeWorkbookGrid(sampleGrid()));
  for (const [name, { build }] of Object.entries(REFUSED)) writeFileSync(join(dir, name), await build());
  writeFileSync(join(dir, "macro.xlsx"), await macroEnabled());
  writeFileSync(join(dir, "deep.xlsx"), await deepNesting());
  writeFileSync(join(dir, "other-program.xlsx"), await otherProgram());
  sampleMetrics = JSON.parse(mip(["validate", "sample.xlsx", "--json"], dir).stdout).metrics;
}, 120_000);

/** One sentence: no line break inside, ends with a full stop. */
const oneSentence = (stderr: string): void => {
  expect(hasStackTrace(stderr)).toBe(false);
  expect(stderr.trim().split("\n")).toHaveLength(1);
  expect(stderr.trim()).toMatch(/[.»]$/);
};

describe("files that are not what they claim", () => {
  it.each(Object.keys(REFUSED))(
    "%s: validate, report and template --upgrade each give one sentence and write nothing",
    (file) => {
      const before = sha(join(dir, file));
      const listing = readdirSync(dir).sort();
      for (const args of [
        ["validate", file],
        ["report", file, "--out", `${file}.docx`],
        ["template", "--upgrade", file, "--out", `${file}-up.xlsx`],
      ]) {
        const run = mip(args, dir);
        expect(run.code, args.join(" ")).toBe(2);
        oneSentence(run.stderr);
        expect(run.stderr).toMatch(REFUSED[file]!.says);
        expect(run.stderr).not.toMatch(/внутренней ошибки/);
      }
      expect(readdirSync(dir).sort()).toEqual(listing);
      expect(sha(join(dir, file))).toBe(before);
    },
  );

  it("in a committee folder each refused file is a row of its own and the good school is read", () => {
    const run = mip(["summary", ".", "--json", "--out", "svod.xlsx"], dir);
    expect(run.code).toBe(0);
    const schools = JSON.parse(run.stdout).schools as { file: string; state: string }[];
    const stateOf = (name: string) => schools.find((s) => s.file.endsWith(name))?.state;
    // Read: «ОК», or named a copy when another readable file of the corpus (the same sample
    // written by another program) holds the same project and was listed first.
    expect(stateOf("sample.xlsx")).toMatch(/^(ОК|Копия другой таблицы: .+)$/);
    for (const file of Object.keys(REFUSED)) expect(stateOf(file), file).toMatch(/^Ошибка чтения|^Не шаблон/);
  });
});

describe("workbooks other programs write", () => {
  it.each(["macro.xlsx", "deep.xlsx", "other-program.xlsx"])("%s reads as the same project as the sample", (file) => {
    const run = mip(["validate", file, "--json"], dir);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).metrics).toEqual(sampleMetrics);
  });

  it("a macro-enabled workbook's upgrade carries no macro", async () => {
    // An older version, so the upgrade has something to write (a current workbook gets no copy).
    writeFileSync(join(dir, "macro-old.xlsx"), await macroEnabled({ ...sampleGrid(), templateVersion: "1" }));
    const run = mip(["template", "--upgrade", "macro-old.xlsx", "--out", "macro-up.xlsx"], dir);
    expect(run.code).toBe(0);
    const names = unpackAll(readFileSync(join(dir, "macro-up.xlsx"))).map((p) => p.name);
    expect(names).toContain("xl/workbook.xml");
    expect(names.some((n) => /vbaProject/i.test(n))).toBe(false);
  });
});
