import { describe, expect, it } from "vitest";
import {
  DEFAULT_PARAMS,
  MAX_PAGE,
  decodeListingSegment,
  encodeListingSegment,
  parseListingParams,
  parseListingParamsStrict,
  serializeListingParams,
} from "./listing-params";

const qs = (s: string) => new URLSearchParams(s);

describe("parseListingParams (pages)", () => {
  it("reads filters, sort and page", () => {
    expect(parseListingParams(qs("brand=halles-bio&brand=ferme-du-vallon&diet=vegan&min=1.5&max=10&instock=1&sort=price-asc&page=3"))).toEqual({
      q: "",
      brands: ["ferme-du-vallon", "halles-bio"],
      diets: ["vegan"],
      minCents: 150,
      maxCents: 1000,
      inStock: true,
      sort: "price-asc",
      page: 3,
    });
  });

  it("drops nonsense and clamps pages instead of failing", () => {
    expect(parseListingParams(qs("page=-1&min=abc&sort=cheapest&diet=carnivore&brand=<script>"))).toEqual(DEFAULT_PARAMS);
    expect(parseListingParams(qs("page=99999999")).page).toBe(MAX_PAGE);
    expect(parseListingParams(qs("page=1.5")).page).toBe(1);
  });

  it("cuts very long searches and squeezes whitespace", () => {
    const p = parseListingParams(qs(`q=${"a".repeat(10_000)}`));
    expect(p.q.length).toBe(100);
    expect(parseListingParams(qs("q=%20%20green%20%20%20tea%20")).q).toBe("green tea");
  });

  it("accepts comma-separated and a decimal comma", () => {
    const p = parseListingParams(qs("diet=vegan,organic&max=2,5"));
    expect(p.diets).toEqual(["organic", "vegan"]);
    expect(p.maxCents).toBe(250);
  });
});

describe("parseListingParamsStrict (API)", () => {
  it("reports every invalid field", () => {
    const r = parseListingParamsStrict(qs("page=-1&min=abc&sort=cheapest"));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.fields).sort()).toEqual(["min", "page", "sort"]);
  });

  it("refuses a 10,000-character query and an inverted price range", () => {
    const r = parseListingParamsStrict(qs(`q=${"x".repeat(10_000)}&min=5&max=2`));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.fields).sort()).toEqual(["max", "q"]);
  });

  it("accepts valid parameters", () => {
    const r = parseListingParamsStrict(qs("q=banana&page=2"));
    expect(r).toEqual({ ok: true, params: { ...DEFAULT_PARAMS, q: "banana", page: 2 } });
  });
});

describe("canonical form", () => {
  it("orders keys and leaves defaults out", () => {
    const p = parseListingParams(qs("page=1&sort=name-asc&brand=b&brand=a&q=tea"));
    expect(serializeListingParams(p)).toBe("q=tea&brand=a&brand=b&sort=name-asc");
  });

  it("round-trips through the page segment", () => {
    const search = qs("diet=organic&page=2&q=crème fraîche&junk=1");
    const segment = encodeListingSegment(search);
    expect(segment).not.toContain("/");
    expect(decodeListingSegment(segment)).toEqual(parseListingParams(search));
    expect(encodeListingSegment(qs("junk=1&page=1"))).toBe("-");
    expect(decodeListingSegment("%E0%A4%A")).toEqual(DEFAULT_PARAMS);
  });
});
