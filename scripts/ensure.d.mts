// Types for ensure.mjs, which is plain JavaScript because it runs before anything is installed.
export declare const root: string;
export declare function run(cmd: string, opts?: object): void;
export declare function ensureNodeModules(): void;
export declare function ensureChromium(): void;
export declare function ensureDevVars(): void;
