// Any other path under /api: a 404 with the API's error body, not the storefront's HTML page, so
// that an API client learns what went wrong in the format it reads.
import { ApiError } from "@/lib/api/errors";
import { apiHandler } from "@/lib/api/handler";

const noSuchEndpoint = apiHandler(async () => {
  throw new ApiError("not_found", "There is no such API endpoint. /api/v1/openapi.json describes every one there is.");
});

export { noSuchEndpoint as DELETE, noSuchEndpoint as GET, noSuchEndpoint as PATCH, noSuchEndpoint as POST, noSuchEndpoint as PUT };
