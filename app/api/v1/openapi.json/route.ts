// GET /api/v1/openapi.json: the OpenAPI 3.1 document of REST v1, generated from the operations'
// zod schemas once per process (it only changes with the code) and cacheable for an hour.
import { apiHandler } from "@/lib/api/handler";
import { openApiDocument, type OpenApiDocument } from "@/lib/api/openapi";
import { V1_OPERATIONS } from "../operations";

const INFO = {
  title: "Halles REST API",
  version: "1",
  description: "The catalog at a store, and the signed-in shopper's basket and orders. Money is integer cents with a currency.",
};

let document: OpenApiDocument | undefined;

export const GET = apiHandler(async () => {
  document ??= openApiDocument(INFO, V1_OPERATIONS);
  return Response.json(document, { headers: { "Cache-Control": "public, max-age=3600" } });
});
