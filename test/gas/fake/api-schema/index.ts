/** The fake's check of advanced-service calls against Google's published definitions. */
export * from "./schema.js";
export * from "./strict.js";
export * from "./validate.js";
