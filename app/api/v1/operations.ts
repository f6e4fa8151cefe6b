// Every REST v1 operation, with the zod schemas its handler validates requests with and builds
// its answer from: the source of GET /api/v1/openapi.json. A route method missing here fails
// app/api/v1/openapi.int.test.ts.
import { z } from "zod";
import {
  categoryTreeSchema,
  productListQuerySchema,
  productListSchema,
  productPathSchema,
  productSchema,
  storeListSchema,
  storeQuerySchema,
  storesQuerySchema,
} from "@/lib/api/catalog";
import type { ApiOperation } from "@/lib/api/openapi";
import { basketLineBodySchema, basketLinePathSchema, basketSchema } from "./basket/basket-api";
import { orderListSchema, orderPathSchema, orderSchema, ordersQuerySchema } from "./orders/orders-json";

/** The document's own shape, loosely: it is described by the OpenAPI 3.1 specification itself. */
export const openApiDocumentSchema = z.looseObject({ openapi: z.literal("3.1.0"), info: z.looseObject({ title: z.string(), version: z.string() }), paths: z.record(z.string(), z.unknown()) });

const basketErrors = { bad_request: "Invalid store, body or quantity (fields says which).", not_found: "No such product variant.", conflict: "Not enough stock at the store, or the basket changed meanwhile." } as const;

export const V1_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/products",
    operationId: "listProducts",
    summary: "Search, filter and page through the catalog at a store",
    tag: "catalog",
    query: productListQuerySchema,
    ok: { status: 200, description: "A page of products with facets.", schema: productListSchema },
    errors: { bad_request: "Invalid query parameters (fields names each)." },
  },
  {
    method: "get",
    path: "/api/v1/products/{slug}",
    operationId: "getProduct",
    summary: "One product with its variants and their stock at a store",
    tag: "catalog",
    params: productPathSchema,
    query: storeQuerySchema,
    ok: { status: 200, description: "The product.", schema: productSchema },
    errors: { bad_request: "Unknown store.", not_found: "No such product." },
  },
  {
    method: "get",
    path: "/api/v1/categories",
    operationId: "listCategories",
    summary: "The category tree",
    tag: "catalog",
    ok: { status: 200, description: "Top-level categories with their subcategories.", schema: categoryTreeSchema },
  },
  {
    method: "get",
    path: "/api/v1/stores",
    operationId: "listStores",
    summary: "All stores, or those delivering to a postcode",
    tag: "catalog",
    query: storesQuerySchema,
    ok: { status: 200, description: "The stores.", schema: storeListSchema },
    errors: { bad_request: "Invalid postcode." },
  },
  {
    method: "get",
    path: "/api/v1/basket",
    operationId: "getBasket",
    summary: "The signed-in shopper's basket, priced now",
    tag: "basket",
    signedIn: true,
    query: z.object({ store: storeQuerySchema.shape.store.describe("Without a basket: the store whose empty basket to show.") }),
    ok: { status: 200, description: "The basket (empty, at the store, when the shopper has none).", schema: basketSchema },
    errors: { bad_request: "Unknown store." },
  },
  {
    method: "put",
    path: "/api/v1/basket/lines/{variantId}",
    operationId: "setBasketLine",
    summary: "Set a line's quantity (0 removes it); creates the basket at ?store= if needed",
    tag: "basket",
    signedIn: true,
    params: basketLinePathSchema,
    query: storeQuerySchema,
    body: basketLineBodySchema,
    ok: { status: 200, description: "The basket after the change.", schema: basketSchema },
    errors: basketErrors,
  },
  {
    method: "delete",
    path: "/api/v1/basket/lines/{variantId}",
    operationId: "removeBasketLine",
    summary: "Remove a line (no error when it is not there)",
    tag: "basket",
    signedIn: true,
    params: basketLinePathSchema,
    ok: { status: 200, description: "The basket after the change.", schema: basketSchema },
    errors: { not_found: "No such product variant." },
  },
  {
    method: "get",
    path: "/api/v1/orders",
    operationId: "listOrders",
    summary: "The signed-in shopper's orders, newest first",
    tag: "orders",
    signedIn: true,
    query: ordersQuerySchema,
    ok: { status: 200, description: "A page of orders.", schema: orderListSchema },
    errors: { bad_request: "Invalid page." },
  },
  {
    method: "get",
    path: "/api/v1/orders/{id}",
    operationId: "getOrder",
    summary: "One of the signed-in shopper's orders with its lines and status timeline",
    tag: "orders",
    signedIn: true,
    params: orderPathSchema,
    ok: { status: 200, description: "The order.", schema: orderSchema },
    errors: { not_found: "No such order (another shopper's order is answered alike)." },
  },
  {
    method: "get",
    path: "/api/v1/openapi.json",
    operationId: "getOpenApiDocument",
    summary: "This document",
    tag: "meta",
    ok: { status: 200, description: "The OpenAPI 3.1 document of REST v1.", schema: openApiDocumentSchema },
  },
];
