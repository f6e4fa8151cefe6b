// An OpenAPI 3.1 document built from zod schemas: the ones the handlers validate requests with
// (path, query, body) and the ones that type their answers. zod 4 writes JSON Schema 2020-12,
// OpenAPI 3.1's dialect; schemas with a `.meta({ id })` become shared components.
import { z } from "zod";
import { errorBodySchema, type ApiErrorCode } from "./errors";

export type HttpMethod = "get" | "put" | "post" | "patch" | "delete";

export type ApiOperation = {
  method: HttpMethod;
  /** OpenAPI's path template: /api/v1/products/{slug}. */
  path: string;
  operationId: string;
  summary: string;
  tag: string;
  /** Needs the session cookie: 401 without it. */
  signedIn?: boolean;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** The success answer's status and body. */
  ok: { status: number; description: string; schema: z.ZodType };
  /** Refusals besides 401 (signedIn) and 500/503 (every handler), each with the error body. */
  errors?: Partial<Record<ApiErrorCode, string>>;
};

type JsonSchema = Record<string, unknown>;

const ERROR_STATUS: Record<ApiErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  internal_error: 500,
  unavailable: 503,
};

/** One schema as JSON Schema, its named parts moved to `components` and referred to there. */
function converter(components: Record<string, JsonSchema>) {
  return (schema: z.ZodType, io: "input" | "output"): JsonSchema => {
    const converted = z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" });
    const json = JSON.parse(JSON.stringify(converted).replaceAll('"#/$defs/', '"#/components/schemas/')) as JsonSchema;
    for (const [id, def] of Object.entries((json.$defs ?? {}) as Record<string, JsonSchema>)) components[id] ??= def;
    // OpenAPI 3.1's dialect is the document's: no $schema per schema.
    delete json.$schema;
    delete json.$defs;
    return json;
  };
}

export function openApiDocument(info: { title: string; version: string; description: string }, operations: ApiOperation[]) {
  const schemas: Record<string, JsonSchema> = {};
  const toSchema = converter(schemas);
  // A schema with an id converts to a $ref to its component.
  const errorRef = toSchema(errorBodySchema, "output");
  const errorResponse = (description: string) => ({ description, content: { "application/json": { schema: errorRef } } });

  // Each property of a path or query object is one parameter; arrays repeat the parameter.
  const parameters = (where: "path" | "query", object: z.ZodObject | undefined) => {
    if (!object) return [];
    const json = toSchema(object, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
    return Object.entries(json.properties ?? {}).map(([name, { description, ...schema }]) => ({
      name,
      in: where,
      required: where === "path" || (json.required ?? []).includes(name),
      ...(description ? { description } : {}),
      schema,
      ...(schema.type === "array" ? { style: "form", explode: true } : {}),
    }));
  };

  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const responses: Record<string, unknown> = {
      [op.ok.status]: { description: op.ok.description, content: { "application/json": { schema: toSchema(op.ok.schema, "output") } } },
    };
    const refusals: Partial<Record<ApiErrorCode, string>> = {
      ...op.errors,
      ...(op.signedIn ? { unauthorized: "Not signed in (no valid session cookie)." } : {}),
      internal_error: "Something went wrong on the server; nothing is revealed.",
      unavailable: "The database is busy (a statement timed out): try again.",
    };
    for (const [code, description] of Object.entries(refusals) as [ApiErrorCode, string][]) responses[ERROR_STATUS[code]] = errorResponse(description);

    paths[op.path] ??= {};
    paths[op.path][op.method] = {
      operationId: op.operationId,
      summary: op.summary,
      tags: [op.tag],
      ...(op.signedIn ? { security: [{ session: [] }] } : {}),
      parameters: [...parameters("path", op.params), ...parameters("query", op.query)],
      ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: toSchema(op.body, "input") } } } } : {}),
      responses,
    };
  }
  // No `servers`: OpenAPI's default is "/", the origin the document is served from.
  return {
    openapi: "3.1.0",
    info,
    paths,
    components: {
      schemas,
      securitySchemes: {
        session: {
          type: "apiKey",
          in: "cookie",
          name: "authjs.session-token",
          description: "Auth.js's session cookie, set by signing in on the site (`__Secure-authjs.session-token` over HTTPS).",
        },
      },
    },
  };
}

export type OpenApiDocument = ReturnType<typeof openApiDocument>;
