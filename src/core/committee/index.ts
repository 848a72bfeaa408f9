/** Committee mode: the pure part shared by the Sheets refresh and `mip summary`. */
export * from "./headers.js";
export * from "./states.js";
export * from "./registry.js";
export * from "./digest.js";
export * from "./school.js";
export * from "./totals.js";
export * from "./copies.js";
export * from "./pair-conflicts.js";
export * from "./plain-text.js";
export * from "./summary-doc.js";
export * from "./settings.js";
export * from "./failure.js";
export * from "./refresh.js";
