// Every /api/v1 path that no route file serves: a JSON 404 (lib/api/unknown-path.ts).
import { unknownApiPath } from "@/lib/api/unknown-path";

export const GET = unknownApiPath;
export const POST = unknownApiPath;
export const PUT = unknownApiPath;
export const PATCH = unknownApiPath;
export const DELETE = unknownApiPath;
