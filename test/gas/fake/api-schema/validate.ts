/**
 * Checks one advanced-service call against the API's published definition (schema.ts) before the
 * fake runs it, and refuses what Google refuses, with Google's kind of message:
 * - how Apps Script passes the call: the request body first, then the path parameters in order,
 *   then the upload, then an object of the remaining (query) parameters
 *   (https://developers.google.com/apps-script/guides/services/advanced#how_method_signatures_are_determined);
 * - unknown query parameters: «Invalid JSON payload received. Unknown name "x": Cannot bind query
 *   parameter» — a REST method takes only the parameters its discovery document lists
 *   (https://developers.google.com/discovery/v1/reference/apis, `parameters`) and the standard
 *   ones (https://cloud.google.com/apis/docs/system-parameters); enum values, integer ranges
 *   («Values must be within the range», e.g. Drive files.list pageSize 1–1000:
 *   https://developers.google.com/workspace/drive/api/reference/rest/v3/files/list) and required
 *   query parameters likewise;
 * - `fields`: a partial-response mask naming only fields of the response
 *   (https://developers.google.com/workspace/drive/api/guides/fields-parameter — «Invalid field
 *   selection»; https://developers.google.com/docs/api/how-tos/field-masks;
 *   https://developers.google.com/workspace/sheets/api/guides/field-masks);
 * - the body: every property known to its schema at every depth («Invalid JSON payload received.
 *   Unknown name … Cannot find field», quoted in https://github.com/googleapis/google-api-nodejs-client/issues/3180),
 *   each value of its type and enum, no read-only («Output only») field set
 *   (https://developers.google.com/workspace/drive/api/guides/fields-parameter and Drive's
 *   «fieldNotWritable»: https://developers.google.com/workspace/drive/api/guides/handle-errors),
 *   at most one member of a union («Union field request can be only one of the following»:
 *   https://developers.google.com/docs/api/reference/rest/v1/documents/request), Drive's single
 *   parent («A file can only have one parent folder; specifying multiple parents isn't supported»:
 *   https://developers.google.com/workspace/drive/api/reference/rest/v3/files#File.FIELDS.parents);
 * - update masks (UpdateParagraphStyleRequest.fields …): only fields of the implied root, none read-only
 *   (https://developers.google.com/docs/api/how-tos/field-masks#updating_with_a_field_mask).
 */
import { type ApiKey, type ApiSchema, type MethodSchema, type PropertySchema, apiSchema } from "./schema.js";

/** A call the fake refused because Google would (a 400 Bad Request). */
export class ApiRefusal extends Error {}

type Json = Record<string, unknown>;

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const camel = (name: string) => name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** "body.content(startIndex,paragraph(elements))" → [["body","content","startIndex"], …]; throws on bad syntax. */
export function maskPaths(text: string): string[][] {
  let at = 0;
  const fail = (): never => {
    throw new ApiRefusal(`Invalid field selection ${text}`);
  };
  const list = (prefix: string[]): string[][] => {
    const paths: string[][] = [];
    for (;;) {
      while (text[at] === " ") at++;
      const name = /^[A-Za-z_*][A-Za-z0-9_*]*(?:[./][A-Za-z_*][A-Za-z0-9_*]*)*/.exec(text.slice(at))?.[0];
      if (!name) fail();
      at += name!.length;
      const path = [...prefix, ...name!.split(/[./]/)];
      if (text[at] === "(") {
        at++;
        paths.push(...list(path));
        if (text[at] !== ")") fail();
        at++;
      } else paths.push(path);
      while (text[at] === " ") at++;
      if (text[at] !== ",") return paths;
      at++;
    }
  };
  const paths = list([]);
  if (at !== text.length) fail();
  return paths;
}

export interface AdvancedCall {
  readonly path: Json;
  readonly query: Json;
  readonly body?: unknown;
  readonly hasBody: boolean;
}

/** Apps Script's positional arguments → body, path and query parameters. */
export function callFromArguments(method: MethodSchema, args: readonly unknown[]): AdvancedCall {
  let i = 0;
  const body = method.request ? args[i++] : undefined;
  const path: Json = {};
  for (const name of method.order) path[name] = args[i++];
  if (method.media) i++;
  const query = args[i];
  return { path, query: isObject(query) ? query : {}, body, hasBody: !!method.request };
}

class Checker {
  constructor(
    private readonly schema: ApiSchema,
    private readonly api: ApiKey,
  ) {}

  private refuse(message: string): never {
    throw new ApiRefusal(message);
  }

  /** A value against one parameter's definition. */
  parameter(
    name: string,
    value: unknown,
    p: { type: string; enum?: readonly string[]; minimum?: number; maximum?: number; repeated?: boolean },
  ): void {
    const values = p.repeated && Array.isArray(value) ? value : [value];
    for (const v of values) {
      if (v === undefined || v === null) continue;
      if (p.type === "integer") {
        const n = typeof v === "string" && /^-?\d+$/.test(v) ? Number(v) : v;
        if (typeof n !== "number" || !Number.isInteger(n))
          this.refuse(`Invalid value at '${snake(name)}' (TYPE_INT32), ${JSON.stringify(v)}`);
        if ((p.minimum !== undefined && n < p.minimum) || (p.maximum !== undefined && n > p.maximum))
          this.refuse(
            `Invalid value '${n}'. Values must be within the range: [${p.minimum ?? ""}, ${p.maximum ?? ""}]`,
          );
      } else if (p.type === "boolean") {
        if (typeof v !== "boolean" && v !== "true" && v !== "false")
          this.refuse(`Invalid value at '${snake(name)}' (TYPE_BOOL), ${JSON.stringify(v)}`);
      } else if (p.type === "number") {
        if (typeof v !== "number" && !(typeof v === "string" && Number.isFinite(Number(v))))
          this.refuse(`Invalid value at '${snake(name)}' (TYPE_DOUBLE), ${JSON.stringify(v)}`);
      } else if (typeof v !== "string" && typeof v !== "number" && typeof v !== "boolean")
        this.refuse(`Invalid value at '${snake(name)}' (TYPE_STRING), ${JSON.stringify(v)}`);
      if (p.enum && !p.enum.includes(String(v)))
        this.refuse(`Invalid value at '${snake(name)}' (${this.api}.${name}), ${JSON.stringify(v)}`);
    }
  }

  query(method: MethodSchema, query: Json): void {
    for (const [name, value] of Object.entries(query)) {
      const p = method.params[name] ?? this.schema.standardParameters[name];
      if (!p || p.location === "path")
        this.refuse(
          `Invalid JSON payload received. Unknown name "${name}": Cannot bind query parameter. ` +
            `Field '${name}' could not be found in request message.`,
        );
      this.parameter(name, value, p!);
    }
    // A required query parameter Apps Script takes by position (files.export's mimeType) is checked with the path's.
    for (const [name, p] of Object.entries(method.params))
      if (p.required && p.location === "query" && !method.order.includes(name) && query[name] === undefined)
        this.refuse(`Required parameter ${name} is missing.`);
    if (query.fields !== undefined) {
      if (typeof query.fields !== "string") this.refuse(`Invalid field selection ${String(query.fields)}`);
      if (!method.response) this.refuse(`Invalid field selection ${query.fields as string}`);
      for (const path of maskPaths(query.fields as string))
        this.maskPath(method.response!, path, query.fields as string);
    }
  }

  /** One path of a partial-response mask, through the response schema. */
  private maskPath(schemaId: string, path: readonly string[], whole: string): void {
    let property: PropertySchema = { ref: schemaId };
    for (const part of path) {
      while (property.items || property.map) property = (property.items ?? property.map)!;
      if (part === "*") return;
      if (!property.ref) this.refuse(`Invalid field selection ${whole}`);
      const next = this.schema.schemas[property.ref!]?.properties[camel(part)];
      if (!next) this.refuse(`Invalid field selection ${part}`);
      property = next!;
    }
  }

  /** The property an update mask path names under its root schema (null: not a field). */
  private updateMaskTarget(root: PropertySchema, path: readonly string[]): PropertySchema | null {
    let property: PropertySchema = root;
    for (const part of path) {
      while (property.items || property.map) property = (property.items ?? property.map)!;
      if (!property.ref) return null;
      const next = this.schema.schemas[property.ref]?.properties[camel(part)];
      if (!next) return null;
      property = next;
    }
    return property;
  }

  body(schemaId: string, value: unknown, where: string): void {
    if (value === undefined || value === null) return;
    if (!isObject(value)) this.refuse(`Invalid value at '${where}' (${schemaId}), ${JSON.stringify(value)}`);
    const schema = this.schema.schemas[schemaId];
    if (!schema) throw new Error(`fake: no schema ${schemaId} in ${this.api}`);
    const at = (name: string) => (where ? `${where}.${snake(name)}` : snake(name));
    for (const [name, v] of Object.entries(value as Json)) {
      const property = schema.properties[name];
      if (!property)
        this.refuse(
          `Invalid JSON payload received. Unknown name "${name}"${where ? ` at '${where}'` : ""}: Cannot find field.`,
        );
      if (v === undefined || v === null) continue;
      if (property!.readOnly)
        this.refuse(
          this.api === "drive"
            ? `The resource body includes fields which are not directly writable: ${name}.`
            : `Invalid value at '${at(name)}': the field is output only and cannot be set.`,
        );
      this.value(property!, v, at(name));
    }
    for (const group of schema.oneOf ?? []) {
      const set = group.filter((n) => (value as Json)[n] !== undefined && (value as Json)[n] !== null);
      if (set.length > 1)
        this.refuse(
          `Invalid JSON payload received. Oneof field is already set at '${where}': ` +
            `only one of ${group.join(", ")} may be set, found ${set.join(" and ")}.`,
        );
    }
    // An update mask names fields of its implied root: each must exist and be writable.
    for (const [name, property] of Object.entries(schema.properties)) {
      const mask = (value as Json)[name];
      if (!property.maskRoot || typeof mask !== "string") continue;
      const root = schema.properties[property.maskRoot];
      if (!root) continue;
      for (const path of maskPaths(mask)) {
        if (path.length === 1 && path[0] === "*") continue;
        const target = this.updateMaskTarget(root, path);
        if (!target)
          this.refuse(
            `Invalid field mask at '${at(name)}': «${path.join(".")}» is not a field of ${snake(property.maskRoot)}.`,
          );
        if (target!.readOnly)
          this.refuse(`Invalid field mask at '${at(name)}': «${path.join(".")}» is output only and cannot be updated.`);
      }
    }
  }

  private value(property: PropertySchema, v: unknown, where: string): void {
    if (property.ref) return this.body(property.ref, v, where);
    const type = property.type ?? "any";
    const bad = (kind: string): never => this.refuse(`Invalid value at '${where}' (${kind}), ${JSON.stringify(v)}`);
    switch (type) {
      case "any":
        return;
      case "array": {
        if (!Array.isArray(v)) bad("TYPE_ARRAY");
        const list = v as unknown[];
        if (property.maxItems !== undefined && list.length > property.maxItems)
          this.refuse(`Invalid value at '${where}': at most ${property.maxItems} allowed, ${list.length} given.`);
        list.forEach(
          (item, i) => item !== null && this.value(property.items ?? { type: "any" }, item, `${where}[${i}]`),
        );
        return;
      }
      case "object":
        if (!isObject(v)) bad("TYPE_MESSAGE");
        if (property.map)
          for (const [k, item] of Object.entries(v as Json))
            if (item !== null) this.value(property.map, item, `${where}[${JSON.stringify(k)}]`);
        return;
      case "boolean":
        if (typeof v !== "boolean") bad("TYPE_BOOL");
        return;
      case "integer":
        if (!(typeof v === "number" && Number.isInteger(v)) && !(typeof v === "string" && /^-?\d+$/.test(v)))
          bad("TYPE_INT32");
        return;
      case "number":
        if (!(typeof v === "number" && Number.isFinite(v)) && !(typeof v === "string" && Number.isFinite(Number(v))))
          bad("TYPE_DOUBLE");
        return;
      case "string":
        if (property.format === "int64" || property.format === "uint64") {
          if (!(typeof v === "number" && Number.isInteger(v)) && !(typeof v === "string" && /^-?\d+$/.test(v)))
            bad("TYPE_INT64");
        } else if (typeof v !== "string") bad("TYPE_STRING");
        if (property.enum && !property.enum.includes(v as string)) bad("TYPE_ENUM");
        return;
    }
  }
}

/**
 * Checks an Apps Script advanced-service call (`Docs.Documents.batchUpdate(resource, id)` is
 * api "docs", method "documents.batchUpdate"); throws ApiRefusal with Google's error text.
 */
export function checkAdvancedCall(api: ApiKey, methodName: string, args: readonly unknown[]): void {
  const schema = apiSchema(api);
  const method = schema.methods[methodName];
  if (!method) throw new Error(`fake: ${api} has no method ${methodName} in its discovery document`);
  const call = callFromArguments(method, args);
  const checker = new Checker(schema, api);
  try {
    for (const name of method.order) {
      const v = call.path[name];
      if (v === undefined || v === null || v === "") throw new ApiRefusal(`Required parameter ${name} is missing.`);
      checker.parameter(name, v, method.params[name]!);
    }
    checker.query(method, call.query);
    if (call.hasBody) {
      if (call.body === undefined || call.body === null) throw new ApiRefusal("The request body is missing.");
      checker.body(method.request!, call.body, "");
    }
  } catch (error) {
    if (error instanceof ApiRefusal)
      throw new ApiRefusal(`GoogleJsonResponseException: API call to ${method.id} failed with error: ${error.message}`);
    throw error;
  }
}
