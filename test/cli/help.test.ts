/**
 * `mip help` and each command's help come from one table (src/local/help.ts): the overview names
 * every flag a command's own help names, and each command's parser accepts exactly those flags.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { COMMAND_HELP, synopses } from "../../src/local/help.js";
import { DEMO_OPTIONS } from "../../src/local/commands/demo.js";
import { REPORT_OPTIONS } from "../../src/local/commands/report.js";
import { ROADMAP_OPTIONS } from "../../src/local/commands/roadmap.js";
import { SPRAVKA_OPTIONS } from "../../src/local/commands/spravka.js";
import { SUMMARY_OPTIONS } from "../../src/local/commands/summary.js";
import { SURVEY_OPTIONS } from "../../src/local/commands/survey.js";
import { TEMPLATE_OPTIONS } from "../../src/local/commands/template.js";
import { VALIDATE_OPTIONS } from "../../src/local/commands/validate.js";
import { ensureBuilt, mip, tempDir } from "./helpers.js";

beforeAll(() => ensureBuilt());

const PARSERS: Record<string, object> = {
  template: TEMPLATE_OPTIONS,
  validate: VALIDATE_OPTIONS,
  report: REPORT_OPTIONS,
  summary: SUMMARY_OPTIONS,
  spravka: SPRAVKA_OPTIONS,
  survey: SURVEY_OPTIONS,
  roadmap: ROADMAP_OPTIONS,
  demo: DEMO_OPTIONS,
};

const flagsIn = (text: string): string[] => [...new Set(text.match(/--[a-z][a-z-]*/g) ?? [])].sort();

describe("mip help", () => {
  it("every command has a help entry and a parser, and the parser accepts exactly the flags of its help", () => {
    expect(COMMAND_HELP.map((c) => c.name).sort()).toEqual(Object.keys(PARSERS).sort());
    for (const command of COMMAND_HELP) {
      const parsed = Object.keys(PARSERS[command.name]!).filter((f) => f !== "help");
      expect(parsed.sort(), command.name).toEqual(command.flags.map((f) => f.name).sort());
    }
  });

  it("the overview names the same forms and flags as each command's own help", () => {
    const overview = mip(["help"], tempDir());
    expect(overview.code).toBe(0);
    for (const command of COMMAND_HELP) {
      const own = mip(["help", command.name], tempDir());
      expect(own.code, command.name).toBe(0);
      for (const synopsis of synopses(command)) {
        expect(overview.stdout, command.name).toContain(synopsis);
        expect(own.stdout, command.name).toContain(synopsis);
      }
      const inOverview = flagsIn(synopses(command).join(" "));
      expect(
        flagsIn(own.stdout).filter((f) => f !== "--help"),
        command.name,
      ).toEqual(inOverview);
    }
    for (const flag of [
      "--upgrade",
      "--signer",
      "--docx",
      "--report-date",
      "--date",
      "--strict",
      "--sample",
      "--survey",
      "--roadmap",
      "--execution",
      "--matrix",
    ])
      expect(overview.stdout).toContain(flag);
  });

  it("`mip help` of an unknown command names it in a Russian sentence and exits 2", () => {
    const run = mip(["help", "frobnicate"], tempDir());
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^Неизвестная команда «frobnicate»\. Команды: template, validate/);
  });
});
