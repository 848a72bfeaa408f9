#!/usr/bin/env node
/**
 * Derives the compact API schema the Apps Script fake validates advanced-service calls with
 * (test/gas/fake/api-schema/) from Google's published discovery documents:
 *
 *   node scripts/derive-api-schemas.mjs <folder with docs__v1.json, drive__v3.json, sheets__v4.json>
 *
 * The discovery documents are at https://docs.googleapis.com/$discovery/rest?version=v1,
 * https://www.googleapis.com/discovery/v1/apis/drive/v3/rest and
 * https://sheets.googleapis.com/$discovery/rest?version=v4. What is kept, per API:
 * - every method: its HTTP id, positional path parameters (parameterOrder), query parameters
 *   (type, enum, required, repeated, minimum/maximum), request and response schema, media upload;
 * - the standard parameters every method takes (fields, quotaUser, prettyPrint …);
 * - every schema's properties: type or $ref, items, additionalProperties (a map), enum, format,
 *   read-only («readOnly» or a description starting «Output only»), at most one item (a description
 *   saying «can only have one» — Drive's File.parents), and for an update mask (format
 *   google-fieldmask) the root its description says is implied;
 * - one-of groups: a batchUpdate `Request` is one union of every request kind («Union field request
 *   can be only one of the following», https://developers.google.com/docs/api/reference/rest/v1/documents/request);
 *   a schema with both `location` and `endOfSegmentLocation` is the union «insertion_location» (same
 *   page, InsertTextRequest, InsertSectionBreakRequest …); a `tableRange` beside a `tableStartLocation`
 *   is the union «cells» (UpdateTableCellStyleRequest); and any group a description names as «only one of
 *   a, b, or c may be set» or «Mutually exclusive with x».
 * Descriptions are dropped. The output is written as JSON, sorted, one schema per line.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const APIS = [
  { key: "docs", file: "docs__v1.json" },
  { key: "drive", file: "drive__v3.json" },
  { key: "sheets", file: "sheets__v4.json" },
];
const OUT = join(import.meta.dirname, "..", "test", "gas", "fake", "api-schema", "derived.json");

const folder = process.argv[2];
if (!folder) {
  console.error("usage: node scripts/derive-api-schemas.mjs <discovery folder>");
  process.exit(2);
}

const camel = (snake) => snake.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
const isReadOnly = (p) => p.readOnly === true || /^\s*Output only\b/i.test(p.description ?? "");

function parameter(p) {
  const out = { type: p.type };
  if (p.enum) out.enum = p.enum;
  if (p.required) out.required = true;
  if (p.repeated) out.repeated = true;
  if (p.location) out.location = p.location;
  if (p.format) out.format = p.format;
  if (p.minimum !== undefined) out.minimum = Number(p.minimum);
  if (p.maximum !== undefined) out.maximum = Number(p.maximum);
  return out;
}

function property(p) {
  const out = {};
  if (p.$ref) out.ref = p.$ref;
  else out.type = p.type ?? "any";
  if (p.format) out.format = p.format;
  if (p.enum) out.enum = p.enum;
  if (p.items) out.items = property(p.items);
  if (p.additionalProperties) out.map = property(p.additionalProperties);
  if (isReadOnly(p)) out.readOnly = true;
  if (p.type === "array" && /can only have one\b/i.test(p.description ?? "")) out.maxItems = 1;
  if (p.format === "google-fieldmask") {
    const root = /The root `([a-z_]+)` is implied/.exec(p.description ?? "");
    if (root) out.maskRoot = camel(root[1]);
  }
  return out;
}

/** One-of groups of a schema: structural unions and the ones its descriptions name. */
function unions(id, properties) {
  const names = Object.keys(properties);
  const groups = [];
  if (id === "Request") groups.push(names);
  if (names.includes("location") && names.includes("endOfSegmentLocation"))
    groups.push(["location", "endOfSegmentLocation"]);
  if (names.includes("tableRange") && names.includes("tableStartLocation"))
    groups.push(["tableRange", "tableStartLocation"]);
  for (const [name, p] of Object.entries(properties)) {
    const text = p.description ?? "";
    const only = /only one of ([a-z_, ]+?)(?:,)? (?:or|and) ([a-z_]+) may be set/i.exec(text);
    if (only) {
      const group = [...only[1].split(/,\s*|\s+or\s+/), only[2]].map((s) => camel(s.trim())).filter(Boolean);
      if (group.every((g) => names.includes(g))) groups.push(group);
    }
    const exclusive = /Mutually exclusive with ([a-z_]+)/i.exec(text);
    if (exclusive && names.includes(camel(exclusive[1]))) groups.push([name, camel(exclusive[1])].sort());
  }
  const seen = new Set();
  return groups.filter((g) => {
    const key = [...g].sort().join(",");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function methods(resource, prefix, out) {
  for (const [name, m] of Object.entries(resource.methods ?? {})) {
    const params = Object.fromEntries(
      Object.entries(m.parameters ?? {})
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, p]) => [k, parameter(p)]),
    );
    out[`${prefix}${name}`] = {
      id: m.id,
      order: m.parameterOrder ?? [],
      params,
      ...(m.request ? { request: m.request.$ref } : {}),
      ...(m.response ? { response: m.response.$ref } : {}),
      ...(m.supportsMediaUpload ? { media: true } : {}),
    };
  }
  for (const [name, r] of Object.entries(resource.resources ?? {})) methods(r, `${prefix}${name}.`, out);
  return out;
}

const derived = { generatedFrom: {}, apis: {} };
for (const api of APIS) {
  const doc = JSON.parse(readFileSync(join(folder, api.file), "utf8"));
  derived.generatedFrom[api.key] = `${doc.name} ${doc.version}, discovery revision ${doc.revision}`;
  const schemas = {};
  for (const id of Object.keys(doc.schemas).sort()) {
    const s = doc.schemas[id];
    const properties = Object.fromEntries(
      Object.entries(s.properties ?? {})
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, p]) => [k, property(p)]),
    );
    const oneOf = unions(id, s.properties ?? {});
    schemas[id] = { properties, ...(oneOf.length ? { oneOf } : {}) };
  }
  derived.apis[api.key] = {
    service: doc.name,
    version: doc.version,
    standardParameters: Object.fromEntries(
      Object.entries(doc.parameters ?? {})
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, p]) => [k, parameter(p)]),
    ),
    methods: methods(doc, "", {}),
    schemas,
  };
}

// One line per method and per schema: readable diffs when Google's descriptions change.
const COMMENT =
  "Derived from Google's discovery documents (Docs v1: https://docs.googleapis.com/$discovery/rest?version=v1, " +
  "Drive v3: https://www.googleapis.com/discovery/v1/apis/drive/v3/rest, Sheets v4: " +
  "https://sheets.googleapis.com/$discovery/rest?version=v4) by scripts/derive-api-schemas.mjs; do not edit. " +
  "Regenerate: node scripts/derive-api-schemas.mjs <folder with docs__v1.json, drive__v3.json, sheets__v4.json>.";
const lines = [
  "{",
  `"$comment": ${JSON.stringify(COMMENT)},`,
  `"generatedFrom": ${JSON.stringify(derived.generatedFrom)},`,
  `"apis": {`,
];
APIS.forEach((api, a) => {
  const d = derived.apis[api.key];
  lines.push(`${JSON.stringify(api.key)}: {`);
  lines.push(`"service": ${JSON.stringify(d.service)}, "version": ${JSON.stringify(d.version)},`);
  lines.push(`"standardParameters": ${JSON.stringify(d.standardParameters)},`);
  const block = (name, entries, last) => {
    lines.push(`${JSON.stringify(name)}: {`);
    entries.forEach(([k, v], i) =>
      lines.push(`${JSON.stringify(k)}: ${JSON.stringify(v)}${i < entries.length - 1 ? "," : ""}`),
    );
    lines.push(`}${last ? "" : ","}`);
  };
  block("methods", Object.entries(d.methods), false);
  block("schemas", Object.entries(d.schemas), true);
  lines.push(`}${a < APIS.length - 1 ? "," : ""}`);
});
lines.push("}", "}");
const text = lines.join("\n") + "\n";
JSON.parse(text); // the output must be JSON
writeFileSync(OUT, text);
console.log(`${OUT}: ${Object.values(derived.apis).reduce((n, a) => n + Object.keys(a.schemas).length, 0)} schemas`);
