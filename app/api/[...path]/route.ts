// Any other path under /api: a 404 with the API's error body, not the storefront's HTML page, so
// that an API client learns what went wrong in the format it reads.
import { ApiError } from "@/lib/api/errors";
import { apiHandler } from "@/lib/api/handler";

const noSuchEndpoint = apiHandler(async () => {
  throw new ApiError("not_found", "There is no such API endpoint. See /api/v1/products, /api/v1/categories, /api/v1/stores, /api/v1/basket and /api/v1/orders.");
});

export { noSuchEndpoint as DELETE, noSuchEndpoint as GET, noSuchEndpoint as PATCH, noSuchEndpoint as POST, noSuchEndpoint as PUT };
