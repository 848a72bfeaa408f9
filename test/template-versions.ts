/**
 * The template's structure per TEMPLATE_VERSION: a digest of every tab's key, title and type and
 * of every column's and label's key, wording, kind and list (not hints or widths, which an
 * upgrade rewrites anyway). test/template-steps.test.ts recomputes the current one: a change to
 * what an old workbook must gain, made without a new version, fails there and names the line to
 * add here. Earlier digests stay as the record of what each version was.
 */
export const TEMPLATE_DIGESTS: Readonly<Record<string, string>> = {
  "3": "fcc3b345cf127920",
  "4": "77b4dbf4c8cf41b1",
};
