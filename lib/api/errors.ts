// Typed API errors and the one JSON error body every API answers with.
import { z } from "zod";

export const API_ERROR_CODES = ["bad_request", "not_found", "unauthorized", "forbidden", "conflict", "payload_too_large", "internal_error", "unavailable"] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

const statusOf: Record<ApiErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  internal_error: 500,
  unavailable: 503,
};

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly fields?: Record<string, string[]>,
  ) {
    super(message);
  }

  get status() {
    return statusOf[this.code];
  }
}

export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.enum(API_ERROR_CODES),
      message: z.string().describe("For people: safe to show."),
      fields: z.record(z.string(), z.array(z.string())).optional().describe("What is wrong with each invalid parameter or body field."),
    }),
  })
  .meta({ id: "Error" });
export type ErrorBody = z.infer<typeof errorBodySchema>;

export function errorResponse(error: ApiError): Response {
  const body: ErrorBody = { error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) } };
  return Response.json(body, { status: error.status });
}
