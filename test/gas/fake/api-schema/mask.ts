/**
 * A response as Google trims it to a partial-response mask: only the fields the mask names
 * («fields=files(name)»), arrays masked element by element
 * (https://developers.google.com/workspace/drive/api/guides/fields-parameter,
 * https://developers.google.com/workspace/sheets/api/guides/field-masks).
 */
import { maskPaths } from "./validate.js";

type Json = Record<string, unknown>;
type Tree = Map<string, Tree | true>;

export function applyFieldMask(value: unknown, mask: string): unknown {
  const tree: Tree = new Map();
  for (const path of maskPaths(mask)) {
    let node = tree;
    path.forEach((part, i) => {
      if (i === path.length - 1) node.set(part, true);
      else {
        const next = node.get(part);
        if (next === true) return;
        const child: Tree = next ?? new Map();
        node.set(part, child);
        node = child;
      }
    });
  }
  const pick = (v: unknown, t: Tree | true): unknown => {
    if (t === true || v === null || typeof v !== "object") return v;
    if (Array.isArray(v)) return v.map((x) => pick(x, t));
    if (t.has("*")) return v;
    const out: Json = {};
    for (const [k, sub] of t) if (k in (v as Json)) out[k] = pick((v as Json)[k], sub);
    return out;
  };
  return pick(value, tree);
}

/**
 * What Drive v3 returns without `fields`: «the server returns a default set of fields specific to
 * the method. For example, the list method on the files resource only returns the kind, id,
 * name, and mimeType fields»; a bad `fields` is a 400 Bad Request
 * (https://developers.google.com/workspace/drive/api/guides/fields-parameter).
 */
export const DRIVE_DEFAULT_FIELDS: Readonly<Record<string, string>> = {
  "files.create": "kind,id,name,mimeType",
  "files.get": "kind,id,name,mimeType",
  "files.copy": "kind,id,name,mimeType",
  "files.update": "kind,id,name,mimeType",
  "files.list": "kind,nextPageToken,incompleteSearch,files(kind,id,name,mimeType)",
};
