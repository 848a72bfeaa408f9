/** Types of scripts/system-tests.mjs (used by vitest.unit.config.ts and test/unit-run.test.ts). */
export declare const SYSTEM_MODULES: readonly string[];
export declare const SYSTEM_PACKAGES: readonly string[];
export declare function importsOf(source: string): string[];
export declare function needsSystem(file: string, root?: string, seen?: Map<string, boolean>): boolean;
export declare function systemTestFiles(root?: string): string[];
export declare const SLOW_MARK: RegExp;
export declare function slowTestFiles(root?: string): string[];
