// GET /api/v1/openapi.json against the routes' real answers: every route method under
// app/api/v1 is described, and each operation's answers, a success and refusals, on the real
// database, have a status the document lists and a body its schema accepts (Ajv, JSON Schema
// 2020-12, unknown fields refused). Every documented refusal (4xx) is provoked once.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { Ajv2020 } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import type { Database } from "@/db/client";
import { placeOrder } from "@/db/queries/checkout";
import { findRoutes } from "@/e2e/fuzz/surface";
import { connect, createShopper, createSlot, restoreStock, setStock, shopperWithBasket, storeBySlug, variantOf } from "@/tests/checkout-fixtures";
import { GET as getBasket } from "./basket/route";
import { DELETE as deleteLine, PUT as putLine } from "./basket/lines/[variantId]/route";
import { GET as listCategories } from "./categories/route";
import { GET as getOpenApi } from "./openapi.json/route";
import { GET as getOrder } from "./orders/[id]/route";
import { GET as listOrders } from "./orders/route";
import { GET as getProduct } from "./products/[slug]/route";
import { GET as listProducts } from "./products/route";
import { GET as listStores } from "./stores/route";

// As in basket.int.test.ts: the stub stands in for decoding the session cookie; the user is
// still re-read from the database.
const signedIn = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/auth", () => ({ auth: async () => (signedIn.userId ? { user: { id: signedIn.userId } } : null) }));

type Document = { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
let document: Document;
let ajv: Ajv2020;
let db: Database;
let close: () => Promise<void>;
let shopper: { userId: string; orderId: string };
let yoghurtId: number;
let bananasId: number;
/** "get /api/v1/products 200" for every answer checked. */
const seen = new Set<string>();

const url = (path: string) => `http://localhost${path}`;
const params = <T extends Record<string, string>>(values: T) => ({ params: Promise.resolve(values) });
const pointer = (...parts: string[]) => parts.map((p) => p.replaceAll("~", "~0").replaceAll("/", "~1")).join("/");

/** Checks one real answer against the operation's documented answer for its status. */
async function expectDocumented(method: string, path: string, response: Response, expectedStatus?: number): Promise<void> {
  if (expectedStatus !== undefined) expect(response.status, `${method} ${path}`).toBe(expectedStatus);
  const operation = document.paths[path]?.[method];
  expect(operation, `${method} ${path} is in the document`).toBeDefined();
  expect(Object.keys(operation.responses), `${method} ${path} documents ${response.status}`).toContain(String(response.status));
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  const validate = ajv.getSchema(`openapi#/${pointer("paths", path, method, "responses", String(response.status), "content", "application/json", "schema")}`)!;
  const body = await response.json();
  expect(validate(body) ? [] : validate.errors, `${method} ${path} ${response.status} ${JSON.stringify(body).slice(0, 300)}`).toEqual([]);
  seen.add(`${method} ${path} ${response.status}`);
}

beforeAll(async () => {
  ({ db, close } = connect(4));
  const response = await getOpenApi(new Request(url("/api/v1/openapi.json")), undefined);
  expect(response.status).toBe(200);
  expect(response.headers.get("cache-control")).toBe("public, max-age=3600");
  document = (await response.clone().json()) as Document;
  ajv = new Ajv2020({ allErrors: true, strict: false, validateSchema: false });
  addFormats(ajv);
  ajv.addSchema(document, "openapi");
  await expectDocumented("get", "/api/v1/openapi.json", response);

  const lyon = await storeBySlug(db, "lyon-part-dieu");
  const yoghurt = await variantOf(db, "greek-style-natural-yoghurt");
  const bananas = await variantOf(db, "bananas");
  yoghurtId = yoghurt.id;
  bananasId = bananas.id;
  await setStock(db, lyon.id, yoghurt.id, 50);
  await setStock(db, lyon.id, bananas.id, 50_000);
  const slotId = await createSlot(db, { storeId: lyon.id, kind: "collection", capacity: 5 });
  const { userId, basketId } = await shopperWithBasket(db, lyon.id, [{ variantId: yoghurt.id, quantity: 2 }]);
  const placed = await placeOrder(db, { userId, basketId, fulfilment: "collection", slotId, contactEmail: "shopper@example.test" });
  if (!placed.ok) throw new Error(`placeOrder refused: ${placed.error.code}`);
  shopper = { userId, orderId: placed.order.id };
});

afterAll(async () => {
  await restoreStock(db);
  await close();
});

describe("the document", () => {
  it("describes every method of every route file under app/api/v1, and nothing else", () => {
    const routes = findRoutes().filter((r) => r.pattern.startsWith("/api/v1/"));
    const inFiles = routes.flatMap((r) => r.methods.map((m) => `${m.toLowerCase()} ${r.pattern.replace(/\[([^\]]+)\]/g, "{$1}")}`)).sort();
    const inDocument = Object.entries(document.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method} ${path}`)).sort();
    expect(inFiles.length).toBeGreaterThanOrEqual(10);
    expect(inDocument).toEqual(inFiles);
  });
});

describe("the catalog's answers match the document", () => {
  it("GET /api/v1/products", async () => {
    await expectDocumented("get", "/api/v1/products", await listProducts(new Request(url("/api/v1/products?q=bananna&store=lyon-part-dieu&limit=5")), undefined), 200);
    await expectDocumented("get", "/api/v1/products", await listProducts(new Request(url("/api/v1/products?category=fruit&diet=organic&sort=price-asc")), undefined), 200);
    await expectDocumented("get", "/api/v1/products", await listProducts(new Request(url("/api/v1/products?page=-1&limit=1000")), undefined), 400);
  });

  it("GET /api/v1/products/{slug}", async () => {
    await expectDocumented("get", "/api/v1/products/{slug}", await getProduct(new Request(url("/api/v1/products/bananas?store=paris-bastille")), params({ slug: "bananas" })), 200);
    await expectDocumented("get", "/api/v1/products/{slug}", await getProduct(new Request(url("/api/v1/products/nope")), params({ slug: "nope" })), 404);
    await expectDocumented("get", "/api/v1/products/{slug}", await getProduct(new Request(url("/api/v1/products/bananas?store=nowhere")), params({ slug: "bananas" })), 400);
  });

  it("GET /api/v1/categories", async () => {
    await expectDocumented("get", "/api/v1/categories", await listCategories(new Request(url("/api/v1/categories")), undefined), 200);
  });

  it("GET /api/v1/stores", async () => {
    await expectDocumented("get", "/api/v1/stores", await listStores(new Request(url("/api/v1/stores")), undefined), 200);
    await expectDocumented("get", "/api/v1/stores", await listStores(new Request(url("/api/v1/stores?postcode=75011")), undefined), 200);
    await expectDocumented("get", "/api/v1/stores", await listStores(new Request(url("/api/v1/stores?postcode=%3Cb%3E")), undefined), 400);
  });
});

describe("the shopper's answers match the document", () => {
  const put = (variantId: number | string, body: unknown) =>
    putLine(
      new Request(url(`/api/v1/basket/lines/${variantId}?store=lyon-part-dieu`), { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
      params({ variantId: String(variantId) }),
    );
  const remove = (variantId: number | string) => deleteLine(new Request(url(`/api/v1/basket/lines/${variantId}`), { method: "DELETE" }), params({ variantId: String(variantId) }));

  it("GET /api/v1/basket", async () => {
    signedIn.userId = null;
    await expectDocumented("get", "/api/v1/basket", await getBasket(new Request(url("/api/v1/basket")), undefined), 401);
    signedIn.userId = await createShopper(db);
    await expectDocumented("get", "/api/v1/basket", await getBasket(new Request(url("/api/v1/basket?store=lyon-part-dieu")), undefined), 200);
    await expectDocumented("get", "/api/v1/basket", await getBasket(new Request(url("/api/v1/basket?store=nowhere")), undefined), 400);
  });

  it("PUT and DELETE /api/v1/basket/lines/{variantId}", async () => {
    signedIn.userId = await createShopper(db);
    const path = "/api/v1/basket/lines/{variantId}";
    await expectDocumented("put", path, await put(yoghurtId, { quantity: 2, substitution: "refuse" }), 200);
    await expectDocumented("put", path, await put(bananasId, { quantity: 750 }), 200);
    await expectDocumented("put", path, await put(yoghurtId, { quantity: -1 }), 400);
    await expectDocumented("put", path, await put(yoghurtId, { quantity: 51 }), 409);
    await expectDocumented("put", path, await put("abc", { quantity: 1 }), 404);
    await expectDocumented("delete", path, await remove(bananasId), 200);
    await expectDocumented("delete", path, await remove("abc"), 404);
    signedIn.userId = null;
    await expectDocumented("put", path, await put(yoghurtId, { quantity: 1 }), 401);
    await expectDocumented("delete", path, await remove(yoghurtId), 401);
  });

  it("GET /api/v1/orders and /api/v1/orders/{id}", async () => {
    signedIn.userId = shopper.userId;
    await expectDocumented("get", "/api/v1/orders", await listOrders(new Request(url("/api/v1/orders")), undefined), 200);
    await expectDocumented("get", "/api/v1/orders", await listOrders(new Request(url("/api/v1/orders?page=0")), undefined), 400);
    const detail = (id: string) => getOrder(new Request(url(`/api/v1/orders/${id}`)), params({ id }));
    await expectDocumented("get", "/api/v1/orders/{id}", await detail(shopper.orderId), 200);
    await expectDocumented("get", "/api/v1/orders/{id}", await detail("00000000-0000-4000-8000-000000000000"), 404);
    await expectDocumented("get", "/api/v1/orders/{id}", await detail("not-a-uuid"), 404);
    signedIn.userId = null;
    await expectDocumented("get", "/api/v1/orders", await listOrders(new Request(url("/api/v1/orders")), undefined), 401);
    await expectDocumented("get", "/api/v1/orders/{id}", await detail(shopper.orderId), 401);
  });

  it("covered every operation's success and every refusal it documents (4xx)", () => {
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const statuses = [...seen].filter((s) => s.startsWith(`${method} ${path} `)).map((s) => Number(s.split(" ")[2]));
        expect(statuses.some((s) => s < 300), `${method} ${path} success`).toBe(true);
        const refusals = Object.keys(operation.responses).map(Number).filter((s) => s >= 400 && s < 500);
        expect(refusals.filter((s) => !statuses.includes(s)), `${method} ${path} refusals not checked`).toEqual([]);
      }
    }
  });
});

describe("a wrong answer fails the check (the validator works)", () => {
  it("refuses an undocumented field, a missing one and a wrong type", () => {
    const validate = ajv.getSchema(`openapi#/${pointer("paths", "/api/v1/stores", "get", "responses", "200", "content", "application/json", "schema")}`)!;
    expect(validate({ data: [] })).toBe(true);
    expect(validate({ data: [], extra: 1 })).toBe(false);
    expect(validate({})).toBe(false);
    const error = ajv.getSchema(`openapi#/${pointer("paths", "/api/v1/stores", "get", "responses", "400", "content", "application/json", "schema")}`)!;
    expect(error({ error: { code: "bad_request", message: "x" } })).toBe(true);
    expect(error({ error: { code: "teapot", message: "x" } })).toBe(false);
  });
});
