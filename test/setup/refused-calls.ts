/**
 * A call Google would refuse fails the test that made it, even when the add-on caught the error
 * and went on (the Docs layout pass does): every environment running a built bundle logs its
 * refused advanced-service calls (test/gas/fake/api-schema/strict.ts), and a test that plants a
 * fault takes the refusals it expects with `env.fake.refusals.take()`.
 */
import { afterEach } from "vitest";
import { unexpectedRefusals } from "../gas/fake/api-schema/strict.js";

afterEach(() => {
  const refused = unexpectedRefusals();
  if (refused.length > 0)
    throw new Error(`Google would refuse ${refused.length} call(s) the add-on made:\n${refused.join("\n")}`);
});
