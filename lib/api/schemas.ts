// The pieces every v1 answer shares, as zod schemas: they type the JSON the handlers build and
// describe it in the OpenAPI document (lib/api/openapi.ts), so the two cannot drift apart.
import { z } from "zod";
import { sellingMode, unitPriceBasis } from "@/db/schema/catalog";

export const moneySchema = z
  .object({ amount: z.number().int().describe("Integer minor units (cents)."), currency: z.literal("EUR") })
  .meta({ id: "Money" });
export type Money = z.infer<typeof moneySchema>;

export const money = (cents: number): Money => ({ amount: cents, currency: "EUR" });

export const paginationSchema = z
  .object({ page: z.number().int().min(1), pageSize: z.number().int().min(1), total: z.number().int().min(0), pageCount: z.number().int().min(0) })
  .meta({ id: "Pagination" });

export const soldBySchema = z.enum(sellingMode.enumValues).describe("unit: counted in items; weight: sold by the kg, ordered in grams.");
export const pricedPerSchema = z.enum(["item", "kg"]);
export const unitPriceSchema = moneySchema.extend({ per: z.enum(unitPriceBasis.enumValues) }).nullable().describe("The price per kg, litre or piece (EU price indication).");
