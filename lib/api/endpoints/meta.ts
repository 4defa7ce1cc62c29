import { z } from "zod";
import { endpoint } from "../endpoint";

export const openApiDocument = endpoint({
  method: "get",
  path: "/openapi.json",
  tag: "Meta",
  summary: "This OpenAPI 3.1 document",
  auth: "public",
  response: z.record(z.string(), z.unknown()),
});
