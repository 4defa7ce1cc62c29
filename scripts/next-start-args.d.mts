export declare function nextStartArgs(port: number | string, host?: string): string[];
