/**
 * The Debian programs some tests drive (scripts/system-packages.json). `npm test` installs them
 * first (scripts/setup-system.mjs); a test run without them fails here, naming the package and the
 * install command, instead of skipping.
 */
import { spawnSync } from "node:child_process";
import systemPackages from "../../scripts/system-packages.json" with { type: "json" };

/** The absolute path of the first of these commands found on PATH; throws naming the package otherwise. */
export function requireCommand(...names: string[]): string {
  for (const name of names) {
    const found = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" });
    if (found.status === 0 && found.stdout.trim()) return found.stdout.trim();
  }
  const tool = systemPackages.tools.find((t) => t.commands.some((c) => names.includes(c)));
  const pkg = tool?.package ?? names[0];
  throw new Error(
    `${names.join(" / ")} is not installed (Debian package ${pkg}). ` +
      `Run \`npm test\` (it installs it when it can) or: sudo apt-get install -y --no-install-recommends ${pkg}`,
  );
}
