/** The справка о реализации муниципального проекта: sources, facts, the form as data, the document. */
export * from "./sources.js";
export * from "./facts.js";
export * from "./form.js";
export * from "./build.js";
