import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // A refused advanced-service call fails the test that made it (test/gas/fake/api-schema/strict.ts).
    setupFiles: ["test/setup/refused-calls.ts"],
  },
});
