// The committee's opt-in deployment «чтение любых таблиц» (docs/SCOPES.md): the committee's built
// bundle as it is, with the manifest that adds the sensitive spreadsheets.readonly. Written only
// when asked for (`node scripts/build.mjs --committee-readonly`, `npm run push -- --committee-readonly`),
// so an ordinary build holds no manifest that needs Google's review.
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";

/** dist/committee-readonly/ (or `dir`) from dist/committee/ and appsscript.committee-readonly.json. */
export function writeCommitteeReadonly(root, dir = join(root, "dist", "committee-readonly")) {
  const committee = join(root, "dist", "committee");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const file of ["Code.js", "entry-points.json"]) copyFileSync(join(committee, file), join(dir, file));
  copyFileSync(join(root, "appsscript.committee-readonly.json"), join(dir, "appsscript.json"));
  return dir;
}
