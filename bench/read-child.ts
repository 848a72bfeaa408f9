/**
 * One reader on one file in its own process (so its peak memory is its own):
 * `node --import tsx bench/read-child.ts sheetjs|exceljs FILE` prints {"ms","peakMB","json"}
 * where json is the `validate --json` text of what it read (to compare the readers' values).
 */
import { readFileSync } from "node:fs";
import { validateWorkbook } from "../src/core/validate.js";
import { validationJson } from "../src/local/commands/validate.js";
import { readXlsx as readWithSheetJs } from "../src/local/xlsx-read.js";
import { readXlsx as readWithExcelJs } from "./exceljs-read.js";

const [reader, file] = process.argv.slice(2);
const bytes = readFileSync(file!);
const started = performance.now();
const grid = await (reader === "exceljs" ? readWithExcelJs(bytes) : readWithSheetJs(bytes));
const ms = performance.now() - started;
const json = JSON.stringify(validationJson(validateWorkbook(grid, { reportDate: "2022-12-20" }), "file.xlsx"));
const peakMB = Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;
process.stdout.write(`${JSON.stringify({ ms: Math.round(ms), peakMB, json })}\n`);
