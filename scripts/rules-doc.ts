/**
 * The per-rule tables of docs/RULES.md, generated from the rule catalogue
 * (src/core/rules/catalogue/): `npm run docs:rules` rewrites the part between the markers,
 * `npm run docs:rules -- --check` only says whether it is current (test/rules/rules-doc.test.ts
 * does the same). Everything outside the markers is written by hand and kept.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import * as prettier from "prettier";
import { type AnyRule, exampleMessage } from "../src/core/rules/catalogue/define.js";
import { CATALOGUE, CATALOGUE_SECTIONS } from "../src/core/rules/catalogue/index.js";
import { SEVERITY_NOUNS } from "../src/core/severity.js";

export const RULES_DOC = fileURLToPath(new URL("../docs/RULES.md", import.meta.url));
export const BEGIN = "<!-- rules:begin -->";
export const END = "<!-- rules:end -->";

/** A table cell: one line, pipes escaped. */
const cell = (text: string): string => text.replace(/\s+/g, " ").replace(/\|/g, "\\|").trim();

function table(rules: Readonly<Record<string, AnyRule>>): string {
  const lines = [
    "| id | severity | checks | fix | example message |",
    "| --- | --- | --- | --- | --- |",
    ...Object.entries(rules).map(
      ([id, spec]) =>
        `| \`${id}\` | ${SEVERITY_NOUNS[spec.severity][0]} | **${cell(spec.title)}.** ${cell(spec.description)} | ` +
        `${cell(spec.fix)} | ${cell(exampleMessage(spec))} |`,
    ),
  ];
  return lines.join("\n");
}

/** The generated part, markers included. */
export function rulesTables(): string {
  const listed = CATALOGUE_SECTIONS.flatMap((s) => Object.keys(s.rules));
  const missing = Object.keys(CATALOGUE).filter((id) => !listed.includes(id));
  if (missing.length > 0 || listed.length !== Object.keys(CATALOGUE).length)
    throw new Error(`CATALOGUE_SECTIONS must list every rule once; not listed: ${missing.join(", ")}`);
  const sections = CATALOGUE_SECTIONS.map((s) => `### ${s.heading}\n\n${table(s.rules)}`);
  return [
    BEGIN,
    "<!-- Generated from src/core/rules/catalogue/ by `npm run docs:rules`; edit the catalogue, not this table. -->",
    "",
    ...sections.flatMap((s) => [s, ""]),
    END,
  ].join("\n");
}

/** docs/RULES.md as it should be: the hand-written text with the generated tables between the markers. */
export async function renderRulesDoc(current: string): Promise<string> {
  const begin = current.indexOf(BEGIN);
  const end = current.indexOf(END);
  if (begin < 0 || end < begin) throw new Error(`docs/RULES.md has no ${BEGIN} … ${END} markers`);
  const text = current.slice(0, begin) + rulesTables() + current.slice(end + END.length);
  const options = (await prettier.resolveConfig(RULES_DOC)) ?? {};
  return prettier.format(text, { ...options, filepath: RULES_DOC });
}

async function main(): Promise<void> {
  const current = readFileSync(RULES_DOC, "utf8");
  const wanted = await renderRulesDoc(current);
  if (process.argv.includes("--check")) {
    if (wanted !== current) {
      console.error("docs/RULES.md differs from the rule catalogue: run npm run docs:rules");
      process.exitCode = 1;
    }
    return;
  }
  if (wanted !== current) writeFileSync(RULES_DOC, wanted);
  console.log(wanted === current ? "docs/RULES.md is current" : "docs/RULES.md rewritten from the rule catalogue");
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
