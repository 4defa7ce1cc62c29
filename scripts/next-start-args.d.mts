export declare const KEEP_ALIVE_TIMEOUT_MS: number;
export declare function nextStartArgs(port: number | string, host?: string): string[];
