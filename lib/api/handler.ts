// Wraps route handlers: typed errors become their status and error body; anything else is
// logged and answered with a 500 that reveals nothing. Personal answers (a shopper's basket or
// orders) are marked private and never stored by a browser or a shared cache, errors included.
import { ApiError, errorResponse } from "./errors";
import { logger } from "@/lib/logger";

type Handler<C> = (request: Request, context: C) => Promise<Response>;

export type HandlerOptions = { personal?: boolean };

export function apiHandler<C>(handler: Handler<C>, options: HandlerOptions = {}): Handler<C> {
  const answer = async (request: Request, context: C): Promise<Response> => {
    // Reading the URL also marks the route as request-time, so the build never prerenders it.
    const { pathname } = new URL(request.url);
    try {
      return await handler(request, context);
    } catch (error) {
      if (error instanceof ApiError) return errorResponse(error);
      if (isStatementTimeout(error)) {
        logger.warn({ method: request.method, path: pathname }, "statement timeout");
        return errorResponse(new ApiError("unavailable", "We are busy right now. Please try again in a moment."));
      }
      logger.error({ err: error, method: request.method, path: pathname }, "unhandled API error");
      return errorResponse(new ApiError("internal_error", "Something went wrong on our side. Please try again."));
    }
  };
  if (!options.personal) return answer;
  return async (request, context) => {
    const response = await answer(request, context);
    response.headers.set("Cache-Control", "private, no-store");
    return response;
  };
}

/** PostgreSQL cancelled a statement that ran past the pool's statement_timeout (db/client.ts). */
function isStatementTimeout(error: unknown): boolean {
  const cause = error instanceof Error && "cause" in error ? error.cause : undefined;
  return [error, cause].some((e) => typeof e === "object" && e !== null && (e as { code?: unknown }).code === "57014");
}
