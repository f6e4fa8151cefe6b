// Typed API errors and the one JSON error body every API answers with.
export type ApiErrorCode = "bad_request" | "not_found" | "unauthorized" | "forbidden" | "conflict" | "payload_too_large" | "internal_error" | "unavailable";

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

export type ErrorBody = { error: { code: ApiErrorCode; message: string; fields?: Record<string, string[]> } };

export function errorResponse(error: ApiError): Response {
  const body: ErrorBody = { error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) } };
  return Response.json(body, { status: error.status });
}
