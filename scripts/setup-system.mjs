// Makes sure the Debian programs the tests need are present (scripts/system-packages.json).
// Missing ones are installed with apt-get when this user can (root, or passwordless sudo);
// otherwise the exact install command is printed and the script exits 1 — the tests never
// skip for want of a program. Used by `npm test` and by `.ci/run`.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { tools, fonts } = JSON.parse(readFileSync(join(root, "scripts/system-packages.json"), "utf8"));

const succeeds = (cmd, args) => spawnSync(cmd, args, { stdio: "ignore" }).status === 0;
const hasCommand = (name) => succeeds("sh", ["-c", `command -v ${name}`]);
const hasPackage = (name) =>
  spawnSync("dpkg-query", ["-W", "-f=${Status}", name], { encoding: "utf8" }).stdout?.includes(
    "install ok installed",
  ) ?? false;

function missingPackages() {
  const missing = [];
  // A tool with several commands needs all of them (poppler-utils gives pdftotext and pdftoppm);
  // chromium is either name, so its entry lists alternatives — present when any one is found.
  for (const tool of tools) {
    const present = tool.package === "chromium" ? tool.commands.some(hasCommand) : tool.commands.every(hasCommand);
    if (!present) missing.push(tool.package);
  }
  for (const font of fonts) if (!font.packages.some(hasPackage)) missing.push(font.packages[0]);
  return missing;
}

function installer() {
  if (!hasCommand("apt-get")) return null;
  if (process.getuid?.() === 0) return [];
  if (hasCommand("sudo") && succeeds("sudo", ["-n", "true"])) return ["sudo", "-n"];
  return null;
}

function run(prefix, args) {
  const [cmd, ...rest] = [...prefix, ...args];
  console.error(`$ ${[cmd, ...rest].join(" ")}`);
  const result = spawnSync(cmd, rest, {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  return result.status === 0;
}

const missing = missingPackages();
if (missing.length === 0) process.exit(0);

const command = `sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing.join(" ")}`;
const prefix = installer();
if (prefix === null) {
  console.error(`The tests need Debian packages that are not installed: ${missing.join(", ")}.`);
  console.error(`Install them and run the tests again:\n  ${command}`);
  process.exit(1);
}
console.error(`Installing the packages the tests need: ${missing.join(", ")}`);
const installed =
  run(prefix, ["apt-get", "update", "-y"]) &&
  run(prefix, ["apt-get", "install", "-y", "--no-install-recommends", ...missing]);
const stillMissing = missingPackages();
if (!installed || stillMissing.length > 0) {
  console.error(`Could not install: ${stillMissing.join(", ") || missing.join(", ")}. Try:\n  ${command}`);
  process.exit(1);
}
