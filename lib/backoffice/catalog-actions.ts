"use server";
// Marketing's catalog actions: products and variants, archive, store prices, scheduled price
// changes and the category tree. Each change commits with its audit row, then expires the
// storefront's cache tags it touched (and the search lexicon when names changed).
import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import {
  createCategory,
  createProduct,
  moveCategory,
  renameCategory,
  reorderCategory,
  saveVariant,
  setProductActive,
  setStorePrice,
  updateProduct,
  variantProduct,
  type FieldRefusal,
  type ProductInput,
  type Saved,
  type VariantInput,
} from "@/db/queries/catalog-admin";
import { checkCatalogCsv, importCatalogCsv, type ImportError } from "@/db/queries/catalog-csv";
import { cancelPriceChange, schedulePriceChange } from "@/db/queries/price-changes";
import { TAGS } from "@/lib/cache-tags";
import type { ActionState } from "@/lib/actions";
import { formatCents } from "@/lib/catalog/pricing";
import { backOfficeAction, NOT_FOUND_ANSWER } from "./action";
import { MARKETING_ROLES } from "./access";
import { publishCatalogChange } from "./catalog-freshness";
import {
  archiveSchema,
  cancelScheduleSchema,
  importSchema,
  moveCategorySchema,
  newCategorySchema,
  newProductSchema,
  productSchema,
  renameCategorySchema,
  reorderCategorySchema,
  scheduleSchema,
  storePriceSchema,
  variantSchema,
} from "./catalog-forms";

const ACCESS = { roles: MARKETING_ROLES, scope: "none" } as const;
const CORRECT = "Please correct the highlighted fields.";

type ProductForm = { name: string; description: string; brandId: number | null; newBrand: string; categoryId: number; vatRate: number; keywords: string; dietaryTags: ProductInput["dietaryTags"] };
type VariantForm = Omit<VariantInput, "priceCents" | "ean"> & { ean: string; price: number };

const productInput = (f: ProductForm): ProductInput => ({
  name: f.name,
  description: f.description,
  brandId: f.brandId,
  newBrand: f.newBrand || null,
  categoryId: f.categoryId,
  vatRateBp: f.vatRate,
  dietaryTags: f.dietaryTags,
  keywords: f.keywords,
});

const variantInput = (f: VariantForm): VariantInput => ({
  sku: f.sku,
  ean: f.ean || null,
  sizeLabel: f.sizeLabel,
  sellingMode: f.sellingMode,
  weightStepGrams: f.weightStepGrams,
  netQuantity: f.netQuantity,
  unitPriceBasis: f.unitPriceBasis,
  priceCents: f.price,
});

/** The form's answer to a refused write: beside its field, or "not found". */
function refused(result: FieldRefusal | { ok: false; field: null }): ActionState {
  if (result.field === null) return NOT_FOUND_ANSWER;
  return { ok: false, message: CORRECT, errors: { [result.field]: [result.message] } };
}

/** After a committed write: expire what it touched, re-render the page, and say so. */
async function done<T extends { tags: string[] }>(result: Saved<T>, message: string, options: { renamed?: boolean } = {}): Promise<ActionState> {
  if (!result.ok) return refused(result);
  await publishCatalogChange(result.tags, { searchTerms: options.renamed });
  refresh();
  return { ok: true, message };
}

export const createProductAction = backOfficeAction(ACCESS, newProductSchema, async (form, user) => {
  const result = await getDb().transaction((tx) => createProduct(tx, user.id, productInput(form), variantInput(form)));
  if (!result.ok) return refused(result);
  await publishCatalogChange(result.tags, { searchTerms: true });
  redirect(`/admin/catalog/products/${result.id}?created=1`);
});

export const updateProductAction = backOfficeAction(ACCESS, productSchema, async (form, user) => {
  const result = await getDb().transaction((tx) => updateProduct(tx, user.id, form.productId, productInput(form)));
  return done(result, "Saved. The shop shows it within seconds.", { renamed: result.ok && result.renamed });
});

export const setProductActiveAction = backOfficeAction(ACCESS, archiveSchema, async ({ productId, active }, user) => {
  const result = await getDb().transaction((tx) => setProductActive(tx, user.id, productId, active));
  return done(result, active ? "Back in the shop." : "Archived: shoppers no longer see it.", { renamed: true });
});

export const saveVariantAction = backOfficeAction(ACCESS, variantSchema, async (form, user) => {
  const result = await getDb().transaction((tx) => saveVariant(tx, user.id, form.productId, form.variantId, variantInput(form)));
  return done(result, form.variantId === null ? "Variant added." : `Saved: ${form.sku} now costs ${formatCents(form.price)}.`);
});

export const setStorePriceAction = backOfficeAction(ACCESS, storePriceSchema, async (form, user) => {
  const variant = await variantProduct(getDb(), form.variantId);
  if (!variant || variant.productId !== form.productId) return { ok: false, message: CORRECT, errors: { variantId: ["Choose a variant from the list."] } };
  const result = await getDb().transaction((tx) => setStorePrice(tx, user.id, form));
  return done(result, form.priceCents === null ? "The store now charges the national price." : `The store now charges ${formatCents(form.priceCents)}.`);
});

export const schedulePriceChangeAction = backOfficeAction(ACCESS, scheduleSchema, async (form, user) => {
  const variant = await variantProduct(getDb(), form.variantId);
  if (!variant || variant.productId !== form.productId) return { ok: false, message: CORRECT, errors: { variantId: ["Choose a variant from the list."] } };
  const result = await getDb().transaction((tx) =>
    schedulePriceChange(tx, user.id, { variantId: form.variantId, storeId: form.storeId, priceCents: form.price, effectiveAt: form.effectiveAt }),
  );
  if (!result.ok) return { ok: false, message: CORRECT, errors: { [result.field]: [result.message] } };
  refresh();
  return { ok: true, message: "Price change scheduled." };
});

export const cancelPriceChangeAction = backOfficeAction(ACCESS, cancelScheduleSchema, async ({ changeId }, user) => {
  const result = await getDb().transaction((tx) => cancelPriceChange(tx, user.id, changeId));
  if (!result.ok) return { ok: false, message: "This price change was already applied or cancelled." };
  refresh();
  return { ok: true, message: "Price change cancelled." };
});

export const createCategoryAction = backOfficeAction(ACCESS, newCategorySchema, async (form, user) => {
  const result = await getDb().transaction((tx) => createCategory(tx, user.id, form));
  return done(result, `Category “${form.name}” added.`);
});

export const renameCategoryAction = backOfficeAction(ACCESS, renameCategorySchema, async (form, user) => {
  const result = await getDb().transaction((tx) => renameCategory(tx, user.id, { id: form.categoryId, name: form.name }));
  return done(result, "Renamed.");
});

export const moveCategoryAction = backOfficeAction(ACCESS, moveCategorySchema, async (form, user) => {
  const result = await getDb().transaction((tx) => moveCategory(tx, user.id, { id: form.categoryId, parentId: form.parentId }));
  return done(result, "Moved.");
});

export const reorderCategoryAction = backOfficeAction(ACCESS, reorderCategorySchema, async (form, user) => {
  const result = await getDb().transaction((tx) => reorderCategory(tx, user.id, { id: form.categoryId, direction: form.direction }));
  return done(result, form.direction === "up" ? "Moved up." : "Moved down.");
});

/** The most problems listed beside the file field (the count says how many there are). */
const LISTED_PROBLEMS = 200;

function importProblems(errors: ImportError[], rows: number): ActionState {
  const listed = errors.slice(0, LISTED_PROBLEMS).map((e) => `Line ${e.line}${e.column ? `, ${e.column}` : ""}: ${e.message}`);
  if (errors.length > LISTED_PROBLEMS) listed.push(`…and ${errors.length - LISTED_PROBLEMS} more.`);
  const count = `${errors.length} problem${errors.length === 1 ? "" : "s"}`;
  return { ok: false, message: `${count} in ${rows} row${rows === 1 ? "" : "s"}: nothing was imported.`, errors: { file: listed } };
}

/** A catalog CSV: checked (a dry run that writes nothing), or imported all at once. */
export const importCatalogAction = backOfficeAction(ACCESS, importSchema, async ({ file, intent }, user) => {
  const text = await file.text();
  if (intent === "check") {
    const check = await checkCatalogCsv(getDb(), text);
    if (!check.ok) return importProblems(check.errors, check.rows);
    return { ok: true, message: `All ${check.rows} rows are good: ${check.plan.products.size} products, ${check.plan.variants.length} variants. Nothing was written yet.` };
  }
  const applied = await importCatalogCsv(getDb(), user.id, text);
  if (!applied.ok) return importProblems(applied.errors, applied.rows);
  await publishCatalogChange([TAGS.catalog], { searchTerms: true });
  refresh();
  const r = applied.result;
  return { ok: true, message: `Imported: ${r.products} products (${r.createdProducts} new), ${r.variants} variants (${r.createdVariants} new), ${r.storePrices} store prices.` };
});
