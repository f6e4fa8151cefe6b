// The v1 catalog API: JSON bodies, the error body, and 400 for invalid parameters.
import { describe, expect, it } from "vitest";
import { GET as categories } from "./categories/route";
import { GET as product } from "./products/[slug]/route";
import { GET as products } from "./products/route";
import { GET as stores } from "./stores/route";
import { GET as unknownGet, POST as unknownPost } from "../[...path]/route";

const get = (path: string) => new Request(`http://localhost${path}`);
const ctx = (slug: string) => ({ params: Promise.resolve({ slug }) });

describe("GET /api/v1/products", () => {
  it("searches, filters and pages", async () => {
    const response = await products(get("/api/v1/products?q=bananna&store=lyon-part-dieu&limit=5"), undefined);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.data[0]).toMatchObject({ name: "Bananas", soldBy: "weight", price: { currency: "EUR" }, url: "/p/bananas" });
    expect(body.pagination).toMatchObject({ page: 1, pageSize: 5 });
  });

  it("filters by category", async () => {
    const body = await (await products(get("/api/v1/products?category=fruit&limit=100"), undefined)).json();
    expect(body.data.length).toBeGreaterThan(0);
    expect(body.data.map((p: { name: string }) => p.name)).toContain("Bananas");
  });

  it.each([
    ["page=-1", "page"],
    ["page=abc", "page"],
    ["min=abc", "min"],
    ["max=1&min=5", "max"],
    ["sort=cheapest", "sort"],
    ["diet=carnivore", "diet"],
    [`q=${"x".repeat(10_000)}`, "q"],
    ["limit=1000", "limit"],
    ["store=nowhere", "store"],
    ["category=no-such-aisle", "category"],
    ["brand=%3Cscript%3E", "brand"],
  ])("answers %s with 400 and the error body", async (query, field) => {
    const response = await products(get(`/api/v1/products?${query}`), undefined);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.code).toBe("bad_request");
    expect(body.error.message).toEqual(expect.any(String));
    expect(Object.keys(body.error.fields)).toContain(field);
  });
});

describe("GET /api/v1/products/{slug}", () => {
  it("returns the product with its variants and stock", async () => {
    const body = await (await product(get("/api/v1/products/bananas?store=paris-bastille"), ctx("bananas"))).json();
    expect(body.store).toBe("paris-bastille");
    expect(body.data).toMatchObject({ slug: "bananas", name: "Bananas", vatRate: 0.055 });
    expect(body.data.variants[0]).toMatchObject({ soldBy: "weight", unitPrice: { per: "kg" } });
  });

  it("answers an unknown product with 404 and the error body", async () => {
    const response = await product(get("/api/v1/products/nope"), ctx("nope"));
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe("not_found");
  });
});

describe("GET /api/v1/categories and /api/v1/stores", () => {
  it("lists the category tree", async () => {
    const body = await (await categories(get("/api/v1/categories"), undefined)).json();
    expect(body.data.length).toBeGreaterThanOrEqual(10);
    // Other tests add childless aisles of their own to the shared database, so look for a nested one.
    expect(body.data.some((aisle: { children: unknown[] }) => aisle.children.length > 0)).toBe(true);
  });

  it("lists the stores and those delivering to a postcode", async () => {
    expect((await (await stores(get("/api/v1/stores"), undefined)).json()).data).toHaveLength(3);
    const paris = await (await stores(get("/api/v1/stores?postcode=75011"), undefined)).json();
    expect(paris.data.map((s: { slug: string }) => s.slug)).toEqual(["paris-bastille"]);
    const bad = await stores(get("/api/v1/stores?postcode=%3Cb%3E"), undefined);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields.postcode).toBeDefined();
  });
});

describe("any other path under /api (issue 6 item 15, found by the fuzzer: the storefront's HTML 404)", () => {
  it("answers 404 with the error body, whatever the method", async () => {
    for (const response of [await unknownGet(get("/api/v1/nope"), undefined), await unknownPost(new Request("http://localhost/api/csrf", { method: "POST", body: "{}" }), undefined)]) {
      expect(response.status).toBe(404);
      expect((await response.json()).error).toMatchObject({ code: "not_found", message: expect.stringContaining("no such API endpoint") });
    }
  });
});
