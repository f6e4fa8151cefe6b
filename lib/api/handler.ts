// Wraps route handlers: typed errors become their status and error body; anything else is
// logged and answered with a 500 that reveals nothing.
import { ApiError, errorResponse } from "./errors";
import { logger } from "@/lib/logger";

type Handler<C> = (request: Request, context: C) => Promise<Response>;

export function apiHandler<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    // Reading the URL also marks the route as request-time, so the build never prerenders it.
    const { pathname } = new URL(request.url);
    try {
      return await handler(request, context);
    } catch (error) {
      if (error instanceof ApiError) return errorResponse(error);
      logger.error({ err: error, method: request.method, path: pathname }, "unhandled API error");
      return errorResponse(new ApiError("internal_error", "Something went wrong on our side. Please try again."));
    }
  };
}
