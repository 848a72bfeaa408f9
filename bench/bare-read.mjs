// The floor for `mip validate`: a plain Node process that only reads an .xlsx with SheetJS.
// `node bench/bare-read.mjs FILE OPTIONS_JSON` — `{}` for the library's defaults (as
// `XLSX.readFile(FILE)`), or the reader's own (SHEETJS_READ_OPTIONS in src/local/xlsx-read.ts),
// passed in by bench/cli.ts. The library's ES module, as lib/mip.cjs bundles it.
import { readFileSync } from "node:fs";
import { read } from "@e965/xlsx";

const [file, options] = process.argv.slice(2);
const workbook = read(readFileSync(file), JSON.parse(options));
process.stdout.write(`${workbook.SheetNames.length}\n`);
