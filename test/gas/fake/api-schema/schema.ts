/**
 * The Docs v1, Drive v3 and Sheets v4 definitions the fake checks advanced-service calls against,
 * derived from Google's discovery documents by scripts/derive-api-schemas.mjs into derived.json
 * (regenerate: `node scripts/derive-api-schemas.mjs <folder with docs__v1.json, drive__v3.json,
 * sheets__v4.json>`; the file's `generatedFrom` names the revisions it came from).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

export type ApiKey = "docs" | "drive" | "sheets";

export interface ParameterSchema {
  readonly type: "string" | "integer" | "boolean" | "number";
  readonly enum?: readonly string[];
  readonly required?: boolean;
  readonly repeated?: boolean;
  readonly location?: "path" | "query";
  readonly format?: string;
  readonly minimum?: number;
  readonly maximum?: number;
}

export interface PropertySchema {
  readonly ref?: string;
  readonly type?: "string" | "integer" | "number" | "boolean" | "object" | "array" | "any";
  readonly format?: string;
  readonly enum?: readonly string[];
  readonly items?: PropertySchema;
  /** additionalProperties: an object used as a map of these. */
  readonly map?: PropertySchema;
  readonly readOnly?: boolean;
  readonly maxItems?: number;
  /** An update mask's implied root (the sibling property it names fields of). */
  readonly maskRoot?: string;
}

export interface ObjectSchema {
  readonly properties: Readonly<Record<string, PropertySchema>>;
  /** Groups of which at most one property may be set. */
  readonly oneOf?: readonly (readonly string[])[];
}

export interface MethodSchema {
  /** The REST id, as errors name it: "docs.documents.batchUpdate". */
  readonly id: string;
  /** Path parameters, in the order Apps Script takes them as positional arguments. */
  readonly order: readonly string[];
  readonly params: Readonly<Record<string, ParameterSchema>>;
  readonly request?: string;
  readonly response?: string;
  readonly media?: boolean;
}

export interface ApiSchema {
  readonly service: string;
  readonly version: string;
  readonly standardParameters: Readonly<Record<string, ParameterSchema>>;
  readonly methods: Readonly<Record<string, MethodSchema>>;
  readonly schemas: Readonly<Record<string, ObjectSchema>>;
}

interface Derived {
  readonly generatedFrom: Readonly<Record<ApiKey, string>>;
  readonly apis: Readonly<Record<ApiKey, ApiSchema>>;
}

let derived: Derived | null = null;

export function apiSchemas(): Derived {
  derived ??= JSON.parse(readFileSync(join(import.meta.dirname, "derived.json"), "utf8")) as Derived;
  return derived;
}

export function apiSchema(api: ApiKey): ApiSchema {
  return apiSchemas().apis[api];
}
