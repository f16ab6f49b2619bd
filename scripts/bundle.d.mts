// Types of scripts/bundle.mjs for the TypeScript callers (test setup, demo host support).
export declare const root: string;
export declare const outDir: string;
export declare function bundleIsFresh(): boolean;
export declare function buildBundles(): Promise<string[]>;
export declare function ensureBundles(): Promise<void>;
