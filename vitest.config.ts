import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Guards against a hang, not speed limits (figures are in bench/): generous, so the suite
    // passes on a loaded machine too.
    testTimeout: 180_000,
    hookTimeout: 300_000,
    pool: "forks",
    // `npm run test:unit` leaves these out (vitest.unit.config.ts); `npm test` runs them.
    tags: [{ name: "slow", description: "costly end-to-end cases: run by npm test, not by npm run test:unit" }],
    // A refused advanced-service call fails the test that made it (test/gas/fake/api-schema/strict.ts).
    setupFiles: ["test/setup/refused-calls.ts"],
  },
});
