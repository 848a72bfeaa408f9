/**
 * docs/RULES.md lists every rule from the catalogue (src/core/rules/catalogue/): the tables
 * between its markers are what `npm run docs:rules` generates, and each catalogue entry
 * renders its example message.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { RULES, type RuleId } from "../../src/core/issues.js";
import { type AnyRule, exampleMessage } from "../../src/core/rules/catalogue/define.js";
import { BEGIN, END, RULES_DOC, renderRulesDoc, rulesTables } from "../../scripts/rules-doc.js";

const ids = Object.keys(RULES) as RuleId[];

describe("docs/RULES.md from the rule catalogue", () => {
  it("is what `npm run docs:rules` writes (run it after changing src/core/rules/catalogue/)", async () => {
    const current = readFileSync(RULES_DOC, "utf8");
    const wanted = await renderRulesDoc(current);
    expect(current === wanted, "docs/RULES.md differs from the rule catalogue: run npm run docs:rules").toBe(true);
  });

  it("has a row for every rule id between its markers", () => {
    const current = readFileSync(RULES_DOC, "utf8");
    const generated = current.slice(current.indexOf(BEGIN), current.indexOf(END));
    const rows = [...generated.matchAll(/^\| `([A-Z_]+)` /gm)].map((m) => m[1]);
    expect(rows.sort()).toEqual([...ids].sort());
  });

  it("keeps the hand-written text around the markers", async () => {
    const handWritten = `# Validation\n\nBefore.\n\n${BEGIN}\nold table\n${END}\n\nAfter.\n`;
    const rendered = await renderRulesDoc(handWritten);
    expect(rendered.startsWith("# Validation\n\nBefore.\n")).toBe(true);
    expect(rendered.endsWith("\nAfter.\n")).toBe(true);
    expect(rendered).not.toContain("old table");
    expect(rendered).toContain("`PLAN_FACT_MISSING`");
  });

  it("refuses a document without the markers rather than guessing where the tables go", async () => {
    await expect(renderRulesDoc("# Validation\n")).rejects.toThrow("markers");
  });
});

describe("the rule catalogue", () => {
  it.each(ids)("%s has a title, description, fix and an example message in Russian", (id) => {
    const spec = RULES[id] as AnyRule;
    for (const text of [spec.title, spec.description, spec.fix]) expect(text).toMatch(/[А-Яа-яЁё]/);
    const example = exampleMessage(spec);
    expect(example).toMatch(/^[«А-ЯЁ]/);
    expect(example).toMatch(/[.»]$/);
    expect(example).not.toMatch(/undefined|null|NaN|\[object/);
  });

  it("puts the generated tables in the catalogue's order, one section per family", () => {
    const tables = rulesTables();
    const order = [...tables.matchAll(/^\| `([A-Z_]+)` /gm)].map((m) => m[1]);
    expect(order).toEqual(ids);
  });
});
