// Filters, sort and paging of product listings (category, search, API): parsed leniently for
// pages, strictly for the API, and written in one canonical form that keys the page cache.
import { z } from "zod";
import { dietaryTag, type DietaryTag } from "@/db/schema/catalog";

export const SORTS = ["relevance", "featured", "price-asc", "price-desc", "unit-price-asc", "name-asc"] as const;
export type Sort = (typeof SORTS)[number];

export const MAX_QUERY_LENGTH = 100;
export const MAX_PAGE = 500;
export const PAGE_SIZE = 24;
const MAX_PRICE_EUROS = 10_000;

export type ListingParams = {
  q: string;
  brands: string[];
  diets: DietaryTag[];
  minCents: number | null;
  maxCents: number | null;
  inStock: boolean;
  sort: Sort | null;
  page: number;
};

export const DEFAULT_PARAMS: ListingParams = {
  q: "",
  brands: [],
  diets: [],
  minCents: null,
  maxCents: null,
  inStock: false,
  sort: null,
  page: 1,
};

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be a slug such as bonne-maman").max(80);
const euros = z
  .string()
  .trim()
  .regex(/^\d{1,6}(?:[.,]\d{1,2})?$/, "must be an amount in euros such as 2.50")
  .transform((s) => Math.round(Number(s.replace(",", ".")) * 100))
  .refine((c) => c <= MAX_PRICE_EUROS * 100, `must be at most ${MAX_PRICE_EUROS}`);

/** Each field on its own, so that pages can keep the valid ones and drop the rest. */
const fields = {
  // One spelling per query (case, Unicode forms, spacing), so variants share one cached page.
  q: z
    .string()
    .max(10_000)
    .transform((s) => s.normalize("NFKC").toLowerCase().replace(/[\p{C}\s]+/gu, " ").trim()),
  brand: z.array(slug).max(20),
  diet: z.array(z.enum(dietaryTag.enumValues)).max(dietaryTag.enumValues.length),
  min: euros,
  max: euros,
  instock: z.enum(["1", "true", "0", "false"]).transform((v) => v === "1" || v === "true"),
  sort: z.enum(SORTS),
  page: z.string().regex(/^\d+$/, "must be a whole number").transform(Number).pipe(z.number().int().min(1).max(MAX_PAGE)),
};

/** The listing's query parameters as an API describes them (OpenAPI), from the same schemas. */
export const listingQuerySchema = z.object({
  q: fields.q.optional().describe(`Search words; typos are corrected. At most ${MAX_QUERY_LENGTH} characters.`),
  brand: fields.brand.optional().describe("Brand slugs: repeat the parameter or separate with commas."),
  diet: fields.diet.optional().describe("Dietary tags: repeat the parameter or separate with commas."),
  min: fields.min.optional().describe("Lowest price in euros."),
  max: fields.max.optional().describe("Highest price in euros."),
  instock: fields.instock.optional().describe("Only products in stock at the store."),
  sort: fields.sort.optional(),
  page: fields.page.optional(),
});

type Field = keyof typeof fields;
const multiValued = new Set<Field>(["brand", "diet"]);

function read(search: URLSearchParams, field: Field): string | string[] | undefined {
  if (multiValued.has(field)) {
    const all = search.getAll(field).flatMap((v) => v.split(",")).filter(Boolean);
    return all.length ? [...new Set(all)] : undefined;
  }
  const value = search.get(field);
  return value === null || value === "" ? undefined : value;
}

function assemble(values: Partial<Record<Field, unknown>>): ListingParams {
  const q = ((values.q as string | undefined) ?? "").slice(0, MAX_QUERY_LENGTH).trim();
  return {
    q,
    brands: ((values.brand as string[] | undefined) ?? []).toSorted(),
    diets: ((values.diet as DietaryTag[] | undefined) ?? []).toSorted(),
    minCents: (values.min as number | undefined) ?? null,
    maxCents: (values.max as number | undefined) ?? null,
    inStock: (values.instock as boolean | undefined) ?? false,
    sort: (values.sort as Sort | undefined) ?? null,
    page: (values.page as number | undefined) ?? 1,
  };
}

/** For pages: invalid values are dropped, out-of-range pages clamped, long queries cut. */
export function parseListingParams(search: URLSearchParams): ListingParams {
  const values: Partial<Record<Field, unknown>> = {};
  for (const field of Object.keys(fields) as Field[]) {
    const raw = read(search, field);
    if (raw === undefined) continue;
    const parsed = fields[field].safeParse(raw);
    if (parsed.success) values[field] = parsed.data;
    else if (field === "page" && /^-?\d+$/.test(String(raw))) values.page = Number(raw) < 1 ? 1 : MAX_PAGE;
  }
  return assemble(values);
}

export type FieldErrors = Record<string, string[]>;

/** For the API: any invalid value is an error, reported per field. */
export function parseListingParamsStrict(
  search: URLSearchParams,
): { ok: true; params: ListingParams } | { ok: false; fields: FieldErrors } {
  const values: Partial<Record<Field, unknown>> = {};
  const errors: FieldErrors = {};
  for (const field of Object.keys(fields) as Field[]) {
    const raw = read(search, field);
    if (raw === undefined) continue;
    const parsed = fields[field].safeParse(raw);
    if (parsed.success) values[field] = parsed.data;
    else errors[field] = parsed.error.issues.map((i) => i.message);
  }
  if (typeof values.q === "string" && values.q.length > MAX_QUERY_LENGTH) {
    errors.q = [`must be at most ${MAX_QUERY_LENGTH} characters`];
  }
  if (typeof values.min === "number" && typeof values.max === "number" && values.min > values.max) {
    errors.max = ["must not be below min"];
  }
  return Object.keys(errors).length ? { ok: false, fields: errors } : { ok: true, params: assemble(values) };
}

/** The canonical query string: fixed key order, defaults left out. */
export function serializeListingParams(p: ListingParams, overrides: Partial<ListingParams> = {}): string {
  const v = { ...p, ...overrides };
  const out = new URLSearchParams();
  if (v.q) out.set("q", v.q);
  for (const b of v.brands) out.append("brand", b);
  for (const d of v.diets) out.append("diet", d);
  if (v.minCents !== null) out.set("min", (v.minCents / 100).toString());
  if (v.maxCents !== null) out.set("max", (v.maxCents / 100).toString());
  if (v.inStock) out.set("instock", "1");
  if (v.sort) out.set("sort", v.sort);
  if (v.page > 1) out.set("page", String(v.page));
  return out.toString();
}

/** The path segment that carries a listing's parameters into its cached page ("-" for none). */
export function encodeListingSegment(search: URLSearchParams): string {
  const canonical = serializeListingParams(parseListingParams(search));
  return canonical ? encodeURIComponent(canonical) : "-";
}

export function decodeListingSegment(segment: string): ListingParams {
  if (segment === "-") return DEFAULT_PARAMS;
  try {
    return parseListingParams(new URLSearchParams(decodeURIComponent(segment)));
  } catch {
    return DEFAULT_PARAMS;
  }
}
