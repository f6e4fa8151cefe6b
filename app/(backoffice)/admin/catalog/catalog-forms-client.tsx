"use client";
// The catalog editors' forms. Each works without JavaScript (a plain POST to its server action);
// after an error, every field shows its message beside it and keeps what was typed.
import { useActionState, type ReactNode } from "react";
import { Field, FormMessage, primaryButton } from "@/components/account/form-field";
import { SelectField, TextAreaField } from "@/components/backoffice/form-fields";
import { FormKeyField, useFlashState } from "@/components/backoffice/form-flash";
import type { DietaryTag, SellingMode, UnitPriceBasis } from "@/db/schema";
import type { ActionState } from "@/lib/actions";
import {
  cancelPriceChangeAction,
  createCategoryAction,
  createProductAction,
  importCatalogAction,
  moveCategoryAction,
  renameCategoryAction,
  reorderCategoryAction,
  saveVariantAction,
  schedulePriceChangeAction,
  setProductActiveAction,
  setStorePriceAction,
  updateProductAction,
} from "@/lib/backoffice/catalog-actions";
import { formKey as keyOf } from "@/lib/backoffice/form-flash";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;
type Option = { value: string; label: string };

const secondaryButton = "rounded-full border border-stone-300 bg-white px-4 py-2 font-semibold hover:bg-stone-100 disabled:opacity-60";
const DIET_LABELS: Record<DietaryTag, string> = { organic: "Organic", vegan: "Vegan", vegetarian: "Vegetarian", gluten_free: "Gluten-free", lactose_free: "Lactose-free" };
const VAT_OPTIONS: Option[] = [
  { value: "550", label: "5.5 % (food)" },
  { value: "2000", label: "20 %" },
  { value: "1000", label: "10 %" },
  { value: "210", label: "2.1 %" },
  { value: "0", label: "0 %" },
];

export const eurosText = (cents: number | null | undefined) => (cents ? (cents / 100).toFixed(2) : "");

/** One form bound to an action, re-keyed on each answer so that its fields show what was submitted. */
function useForm(action: Action, name: string, discriminator?: string | number) {
  const formKey = keyOf(name, discriminator);
  const [state, formAction, pending] = useActionState(action, useFlashState(formKey, {}));
  const v = state.ok === false ? state.values : undefined;
  const keyField = <FormKeyField formKey={formKey} />;
  return { state, formAction, pending, v, errors: state.errors ?? {}, key: JSON.stringify(state), keyField };
}

function Submit({ pending, children, busy = "Saving…", className = primaryButton }: { pending: boolean; children: ReactNode; busy?: string; className?: string }) {
  return (
    <button type="submit" disabled={pending} className={className}>
      {pending ? busy : children}
    </button>
  );
}

export type ProductValues = {
  id: number;
  name: string;
  description: string;
  brandId: number | null;
  categoryId: number;
  vatRateBp: number;
  dietaryTags: DietaryTag[];
  keywords: string;
};

export type VariantValues = {
  id: number;
  sku: string;
  ean: string | null;
  sizeLabel: string;
  sellingMode: SellingMode;
  weightStepGrams: number | null;
  netQuantity: number | null;
  unitPriceBasis: UnitPriceBasis;
  priceCents: number;
};

type Choices = { brands: Option[]; categories: Option[] };

function ProductFields({ v, errors, product, choices }: { v?: Record<string, string>; errors: ActionState["errors"] & object; product?: ProductValues; choices: Choices }) {
  const ticked = (tag: DietaryTag) => (v ? v[`diet-${tag}`] === "on" : (product?.dietaryTags.includes(tag) ?? false));
  return (
    <>
      <Field label="Name" name="name" required maxLength={120} autoComplete="off" defaultValue={v?.name ?? product?.name} errors={errors.name} />
      <TextAreaField label="Description" name="description" maxLength={5000} defaultValue={v?.description ?? product?.description} errors={errors.description} hint="Plain text, shown on the product page." />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label="Brand"
          name="brandId"
          defaultValue={v?.brandId ?? String(product?.brandId ?? "")}
          options={[{ value: "", label: "No brand" }, ...choices.brands]}
          errors={errors.brandId}
        />
        <Field label="Or a new brand" name="newBrand" maxLength={80} autoComplete="off" defaultValue={v?.newBrand} errors={errors.newBrand} hint="Typed here, it is created (or found) and chosen." />
        <SelectField label="Category" name="categoryId" required defaultValue={v?.categoryId ?? String(product?.categoryId ?? "")} options={[{ value: "", label: "Choose…" }, ...choices.categories]} errors={errors.categoryId} />
        <SelectField label="VAT rate" name="vatRate" required defaultValue={v?.vatRate ?? String(product?.vatRateBp ?? 550)} options={VAT_OPTIONS} errors={errors.vatRate} />
      </div>
      <fieldset className="rounded-lg border border-stone-200 p-3">
        <legend className="px-1 text-sm font-medium text-stone-800">Dietary tags</legend>
        <div className="flex flex-wrap gap-4">
          {(Object.keys(DIET_LABELS) as DietaryTag[]).map((tag) => (
            <label key={tag} className="flex items-center gap-2">
              <input type="checkbox" name={`diet-${tag}`} defaultChecked={ticked(tag)} className="size-5" />
              {DIET_LABELS[tag]}
            </label>
          ))}
        </div>
      </fieldset>
      <Field label="Search keywords" name="keywords" maxLength={300} autoComplete="off" defaultValue={v?.keywords ?? product?.keywords} errors={errors.keywords} hint="Other words shoppers search for; brand, category and diet words are added." />
    </>
  );
}

function VariantFields({ v, errors, variant, prefix }: { v?: Record<string, string>; errors: ActionState["errors"] & object; variant?: VariantValues; prefix: string }) {
  const id = (name: string) => `${prefix}-${name}`;
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field id={id("sku")} label="SKU" name="sku" required maxLength={40} autoComplete="off" defaultValue={v?.sku ?? variant?.sku} errors={errors.sku} />
      <Field id={id("ean")} label="EAN (barcode)" name="ean" inputMode="numeric" maxLength={13} autoComplete="off" defaultValue={v?.ean ?? variant?.ean ?? ""} errors={errors.ean} hint="13 digits; the last is checked." />
      <Field id={id("sizeLabel")} label="Size shown" name="sizeLabel" required maxLength={40} autoComplete="off" defaultValue={v?.sizeLabel ?? variant?.sizeLabel} errors={errors.sizeLabel} hint="Like 500 g, 6 x 1 l, per kg." />
      <Field id={id("price")} label="National price (€)" name="price" required inputMode="text" maxLength={9} autoComplete="off" defaultValue={v?.price ?? eurosText(variant?.priceCents)} errors={errors.price} hint="Per item, or per kg for weighed products." />
      <SelectField
        id={id("sellingMode")}
        label="Sold"
        name="sellingMode"
        required
        defaultValue={v?.sellingMode ?? variant?.sellingMode ?? "unit"}
        options={[
          { value: "unit", label: "By the unit" },
          { value: "weight", label: "By weight" },
        ]}
        errors={errors.sellingMode}
      />
      <Field id={id("weightStepGrams")} label="Weight step (g)" name="weightStepGrams" inputMode="numeric" maxLength={5} defaultValue={v?.weightStepGrams ?? String(variant?.weightStepGrams ?? "")} errors={errors.weightStepGrams} hint="Weighed products: the ordering step, like 250." />
      <Field id={id("netQuantity")} label="Net quantity" name="netQuantity" inputMode="numeric" maxLength={7} defaultValue={v?.netQuantity ?? String(variant?.netQuantity ?? "")} errors={errors.netQuantity} hint="Unit products: g, ml or pieces in one item." />
      <SelectField
        id={id("unitPriceBasis")}
        label="Unit price per"
        name="unitPriceBasis"
        required
        defaultValue={v?.unitPriceBasis ?? variant?.unitPriceBasis ?? "kg"}
        options={[
          { value: "kg", label: "kg (net quantity in g)" },
          { value: "l", label: "litre (net quantity in ml)" },
          { value: "piece", label: "piece" },
        ]}
        errors={errors.unitPriceBasis}
      />
    </div>
  );
}

/** A new product with its first variant. */
export function NewProductForm({ choices }: { choices: Choices }) {
  const f = useForm(createProductAction, "new-product");
  return (
    <form action={f.formAction} className="space-y-4" noValidate key={f.key} aria-label="New product">
      {f.keyField}
      <FormMessage ok={f.state.ok} message={f.state.message} />
      <ProductFields v={f.v} errors={f.errors} choices={choices} />
      <fieldset className="space-y-4 rounded-lg border border-stone-200 p-3">
        <legend className="px-1 font-semibold">First variant</legend>
        <VariantFields v={f.v} errors={f.errors} prefix="new" />
      </fieldset>
      <Submit pending={f.pending}>Create product</Submit>
    </form>
  );
}

export function EditProductForm({ product, choices }: { product: ProductValues; choices: Choices }) {
  const f = useForm(updateProductAction, "product", product.id);
  return (
    <form action={f.formAction} className="space-y-4" noValidate key={f.key} aria-label="Product">
      {f.keyField}
      <input type="hidden" name="productId" value={product.id} />
      <ProductFields v={f.v} errors={f.errors} product={product} choices={choices} />
      <Submit pending={f.pending}>Save product</Submit>
      <FormMessage ok={f.state.ok} message={f.state.message} />
    </form>
  );
}

/** Changes a variant, or adds one (no `variant`). */
export function VariantForm({ productId, variant }: { productId: number; variant?: VariantValues }) {
  const f = useForm(saveVariantAction, "variant", variant ? variant.id : `new-${productId}`);
  return (
    <form action={f.formAction} className="space-y-4" noValidate key={f.key} aria-label={variant ? `Variant ${variant.sku}` : "New variant"}>
      {f.keyField}
      <input type="hidden" name="productId" value={productId} />
      {variant && <input type="hidden" name="variantId" value={variant.id} />}
      <VariantFields v={f.v} errors={f.errors} variant={variant} prefix={variant ? `v${variant.id}` : "nv"} />
      <Submit pending={f.pending}>{variant ? "Save variant" : "Add variant"}</Submit>
      <FormMessage ok={f.state.ok} message={f.state.message} />
    </form>
  );
}

export function ArchiveForm({ productId, active }: { productId: number; active: boolean }) {
  const f = useForm(setProductActiveAction, "archive", productId);
  return (
    <form action={f.formAction} className="space-y-2">
      {f.keyField}
      <input type="hidden" name="productId" value={productId} />
      <input type="hidden" name="active" value={active ? "false" : "true"} />
      <Submit pending={f.pending} className={secondaryButton}>
        {active ? "Archive product" : "Put back in the shop"}
      </Submit>
      <FormMessage ok={f.state.ok} message={f.state.message} />
    </form>
  );
}

/** One store's price for a variant: set it, or clear it (back to the national price). */
export function StorePriceForm({ productId, variants, stores, label }: { productId: number; variants: Option[]; stores: Option[]; label: string }) {
  const f = useForm(setStorePriceAction, "store-price", label);
  return (
    <form action={f.formAction} className="flex flex-wrap items-end gap-3" noValidate key={f.key} aria-label={label}>
      {f.keyField}
      <input type="hidden" name="productId" value={productId} />
      <SelectField id="sp-variantId" label="Variant" name="variantId" required defaultValue={f.v?.variantId} options={variants} errors={f.errors.variantId} />
      <SelectField id="sp-storeId" label="Store" name="storeId" required defaultValue={f.v?.storeId} options={stores} errors={f.errors.storeId} />
      <Field id="sp-price" label="Store price (€)" name="price" required maxLength={9} autoComplete="off" defaultValue={f.v?.price} errors={f.errors.price} />
      <Submit pending={f.pending} className={secondaryButton}>
        Set store price
      </Submit>
      <div className="basis-full">
        <FormMessage ok={f.state.ok} message={f.state.message} />
      </div>
    </form>
  );
}

export function ClearStorePriceForm({ productId, variantId, storeId, label }: { productId: number; variantId: number; storeId: number; label: string }) {
  const f = useForm(setStorePriceAction, "clear-store-price", `${variantId}-${storeId}`);
  return (
    <form action={f.formAction}>
      {f.keyField}
      <input type="hidden" name="productId" value={productId} />
      <input type="hidden" name="variantId" value={variantId} />
      <input type="hidden" name="storeId" value={storeId} />
      <input type="hidden" name="intent" value="clear" />
      <Submit pending={f.pending} busy="Clearing…" className="text-sm font-semibold text-accent-600 underline">
        Clear<span className="sr-only"> {label}</span>
      </Submit>
      {f.state.ok === false && <FormMessage ok={false} message={f.state.message} />}
    </form>
  );
}

export function ScheduleForm({ productId, variants, stores }: { productId: number; variants: Option[]; stores: Option[] }) {
  const f = useForm(schedulePriceChangeAction, "schedule", productId);
  return (
    <form action={f.formAction} className="flex flex-wrap items-end gap-3" noValidate key={f.key} aria-label="Schedule a price change">
      {f.keyField}
      <input type="hidden" name="productId" value={productId} />
      <SelectField id="pc-variantId" label="Variant" name="variantId" required defaultValue={f.v?.variantId} options={variants} errors={f.errors.variantId} />
      <SelectField id="pc-storeId" label="Where" name="storeId" required defaultValue={f.v?.storeId ?? ""} options={[{ value: "", label: "National price" }, ...stores]} errors={f.errors.storeId} />
      <Field id="pc-price" label="New price (€)" name="price" required maxLength={9} autoComplete="off" defaultValue={f.v?.price} errors={f.errors.price} />
      <Field id="pc-effectiveAt" label="From (Paris time)" name="effectiveAt" type="datetime-local" required defaultValue={f.v?.effectiveAt} errors={f.errors.effectiveAt} />
      <Submit pending={f.pending} className={secondaryButton}>
        Schedule
      </Submit>
      <div className="basis-full">
        <FormMessage ok={f.state.ok} message={f.state.message} />
      </div>
    </form>
  );
}

export function CancelScheduleForm({ productId, changeId }: { productId: number; changeId: number }) {
  const f = useForm(cancelPriceChangeAction, "cancel-schedule", changeId);
  return (
    <form action={f.formAction}>
      {f.keyField}
      <input type="hidden" name="productId" value={productId} />
      <input type="hidden" name="changeId" value={changeId} />
      <Submit pending={f.pending} busy="Cancelling…" className="text-sm font-semibold text-accent-600 underline">
        Cancel<span className="sr-only"> price change {changeId}</span>
      </Submit>
      {f.state.message && <FormMessage ok={f.state.ok} message={f.state.message} />}
    </form>
  );
}

export function NewCategoryForm({ parents }: { parents: Option[] }) {
  const f = useForm(createCategoryAction, "new-category");
  return (
    <form action={f.formAction} className="flex flex-wrap items-end gap-3" noValidate key={f.key} aria-label="New category">
      {f.keyField}
      <Field id="nc-name" label="Name" name="name" required maxLength={80} autoComplete="off" defaultValue={f.v?.name} errors={f.errors.name} />
      <SelectField id="nc-parentId" label="Under" name="parentId" defaultValue={f.v?.parentId ?? ""} options={[{ value: "", label: "Top level (an aisle)" }, ...parents]} errors={f.errors.parentId} />
      <Submit pending={f.pending} className={secondaryButton}>
        Add category
      </Submit>
      <div className="basis-full">
        <FormMessage ok={f.state.ok} message={f.state.message} />
      </div>
    </form>
  );
}

/** Rename and move one category, and its up/down buttons. */
export function CategoryRowForms({ category, parents }: { category: { id: number; name: string; parentId: number | null }; parents: Option[] }) {
  const rename = useForm(renameCategoryAction, "rename-category", category.id);
  const move = useForm(moveCategoryAction, "move-category", category.id);
  const order = useForm(reorderCategoryAction, "reorder-category", category.id);
  const idOf = (name: string) => `c${category.id}-${name}`;
  return (
    <div className="flex flex-wrap items-end gap-3">
      <form action={rename.formAction} className="flex items-end gap-2" noValidate key={rename.key} aria-label={`Rename ${category.name}`}>
        {rename.keyField}
        <input type="hidden" name="categoryId" value={category.id} />
        <Field id={idOf("name")} label="Name" name="name" required maxLength={80} autoComplete="off" defaultValue={rename.v?.name ?? category.name} errors={rename.errors.name} />
        <Submit pending={rename.pending} className={secondaryButton}>
          Rename
        </Submit>
      </form>
      <form action={move.formAction} className="flex items-end gap-2" noValidate key={move.key} aria-label={`Move ${category.name}`}>
        {move.keyField}
        <input type="hidden" name="categoryId" value={category.id} />
        <SelectField
          id={idOf("parentId")}
          label="Parent"
          name="parentId"
          defaultValue={move.v?.parentId ?? String(category.parentId ?? "")}
          options={[{ value: "", label: "Top level" }, ...parents.filter((p) => p.value !== String(category.id))]}
          errors={move.errors.parentId}
        />
        <Submit pending={move.pending} className={secondaryButton}>
          Move
        </Submit>
      </form>
      <form action={order.formAction} className="flex items-end gap-1" aria-label={`Reorder ${category.name}`}>
        {order.keyField}
        <input type="hidden" name="categoryId" value={category.id} />
        <button type="submit" name="direction" value="up" disabled={order.pending} className={secondaryButton} aria-label={`Move ${category.name} up`}>
          ↑
        </button>
        <button type="submit" name="direction" value="down" disabled={order.pending} className={secondaryButton} aria-label={`Move ${category.name} down`}>
          ↓
        </button>
      </form>
      {[rename.state, move.state, order.state].map((s, i) => (s.message ? <FormMessage key={i} ok={s.ok} message={s.message} /> : null))}
    </div>
  );
}

/** Upload a catalog CSV: "Check" reports every row's problems and writes nothing; "Import" applies all or nothing. */
export function ImportForm() {
  const f = useForm(importCatalogAction, "import-catalog");
  const problems = f.errors.file;
  return (
    <form action={f.formAction} className="space-y-4" noValidate aria-label="Import a catalog CSV">
      {f.keyField}
      <div>
        <label htmlFor="field-file" className="block text-sm font-medium text-stone-800">
          CSV file
        </label>
        <input
          id="field-file"
          name="file"
          type="file"
          accept=".csv,text/csv"
          required
          aria-invalid={problems?.length ? true : undefined}
          aria-describedby={problems?.length ? "field-file-hint field-file-error" : "field-file-hint"}
          className="mt-1 block"
        />
        <p id="field-file-hint" className="mt-1 text-sm text-stone-600">
          The columns of the export, up to 1 MB. Check first: nothing is written until every row is good.
        </p>
        {problems?.length ? (
          <ul id="field-file-error" className="mt-2 max-h-96 list-disc overflow-y-auto pl-5 text-sm font-medium text-accent-600" data-testid="import-problems">
            {problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        ) : null}
      </div>
      <div className="flex flex-wrap gap-3">
        <button type="submit" name="intent" value="check" disabled={f.pending} className={secondaryButton}>
          Check
        </button>
        <button type="submit" name="intent" value="apply" disabled={f.pending} className={primaryButton}>
          {f.pending ? "Working…" : "Import"}
        </button>
      </div>
      <FormMessage ok={f.state.ok} message={f.state.message} />
    </form>
  );
}
