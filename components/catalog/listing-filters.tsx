import type { Facets } from "@/db/queries/products";
import type { ListingParams, Sort } from "@/lib/catalog/listing-params";
import { DIET_LABELS } from "@/components/product/dietary-badges";
import { AutoSubmit } from "./auto-submit";

const FILTER_FORM_ID = "listing-filters";
const SORT_FORM_ID = "listing-sort";

const SORT_LABELS: Record<Sort, string> = {
  relevance: "Best match",
  featured: "Featured",
  "price-asc": "Price: low to high",
  "price-desc": "Price: high to low",
  "unit-price-asc": "Unit price: low to high",
  "name-asc": "Name: A to Z",
};

const euros = (cents: number | null) => (cents === null ? "" : (cents / 100).toString());

/** The filter panel: a plain GET form, so filtering works without JavaScript. */
export function ListingFilters({ action, params, facets }: { action: string; params: ListingParams; facets: Facets }) {
  const active = params.brands.length + params.diets.length + Number(params.inStock) + Number(params.minCents !== null || params.maxCents !== null);
  return (
    <details className="filters rounded-2xl border border-stone-200 bg-white p-4">
      <summary className="cursor-pointer font-semibold">{active > 0 ? `Filters (${active} active)` : "Filters"}</summary>
      <form id={FILTER_FORM_ID} action={action} method="get" className="mt-3 space-y-5 text-sm lg:mt-0">
        {params.q && <input type="hidden" name="q" value={params.q} />}
        {params.sort && <input type="hidden" name="sort" value={params.sort} />}
        <label className="facet font-medium">
          <input type="checkbox" name="instock" value="1" defaultChecked={params.inStock} />
          In stock at my store
        </label>
        {facets.diets.length > 0 && (
          <fieldset>
            <legend className="mb-2 font-semibold">Dietary</legend>
            {facets.diets.map((d) => (
              <label key={d.tag} className="facet">
                <input type="checkbox" name="diet" value={d.tag} defaultChecked={params.diets.includes(d.tag)} />
                {DIET_LABELS[d.tag]} <span>({d.count})</span>
              </label>
            ))}
          </fieldset>
        )}
        <fieldset>
          <legend className="mb-2 font-semibold">Price (€)</legend>
          <div className="flex items-center gap-2">
            <label className="sr-only" htmlFor="price-min">Minimum price in euros</label>
            <input id="price-min" name="min" type="number" min={0} step="0.01" inputMode="decimal" placeholder="Min" defaultValue={euros(params.minCents)} className="w-20 rounded-lg border border-stone-300 px-2 py-1" />
            <span aria-hidden>–</span>
            <label className="sr-only" htmlFor="price-max">Maximum price in euros</label>
            <input id="price-max" name="max" type="number" min={0} step="0.01" inputMode="decimal" placeholder="Max" defaultValue={euros(params.maxCents)} className="w-20 rounded-lg border border-stone-300 px-2 py-1" />
          </div>
        </fieldset>
        {facets.brands.length > 0 && (
          <fieldset>
            <legend className="mb-2 font-semibold">Brand</legend>
            <div className="max-h-64 overflow-y-auto pr-1">
              {facets.brands.map((b) => (
                <label key={b.slug} className="facet">
                  <input type="checkbox" name="brand" value={b.slug} defaultChecked={params.brands.includes(b.slug)} />
                  {b.name} <span>({b.count})</span>
                </label>
              ))}
            </div>
          </fieldset>
        )}
        <button type="submit" className="w-full rounded-full bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          Apply filters
        </button>
      </form>
      <AutoSubmit formId={FILTER_FORM_ID} />
    </details>
  );
}

/** The sort menu above the grid, carrying the current filters along. */
export function SortSelect({ action, params, sorts }: { action: string; params: ListingParams; sorts: Sort[] }) {
  const current = params.sort ?? sorts[0];
  return (
    <form id={SORT_FORM_ID} action={action} method="get" className="flex items-center gap-2 text-sm">
      {params.q && <input type="hidden" name="q" value={params.q} />}
      {params.brands.map((b) => <input key={b} type="hidden" name="brand" value={b} />)}
      {params.diets.map((d) => <input key={d} type="hidden" name="diet" value={d} />)}
      {params.minCents !== null && <input type="hidden" name="min" value={euros(params.minCents)} />}
      {params.maxCents !== null && <input type="hidden" name="max" value={euros(params.maxCents)} />}
      {params.inStock && <input type="hidden" name="instock" value="1" />}
      <label htmlFor="sort">Sort by</label>
      <select id="sort" name="sort" defaultValue={current} className="rounded-lg border border-stone-300 bg-white px-2 py-1.5">
        {sorts.map((s) => (
          <option key={s} value={s}>
            {SORT_LABELS[s]}
          </option>
        ))}
      </select>
      <button type="submit" className="no-js-only rounded-lg border border-stone-300 bg-white px-3 py-1.5 hover:border-brand-600">
        Sort
      </button>
      <AutoSubmit formId={SORT_FORM_ID} />
    </form>
  );
}
