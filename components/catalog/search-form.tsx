import { SearchIcon } from "@/components/layout/icons";
import { MAX_QUERY_LENGTH } from "@/lib/catalog/listing-params";

/** The product search: a plain GET form to /search, in the header and on the search page. */
export function SearchForm({ id, defaultValue, placeholder, large = false, className = "" }: { id: string; defaultValue?: string; placeholder: string; large?: boolean; className?: string }) {
  const pad = large ? "py-2.5" : "py-2";
  return (
    <form action="/search" role="search" className={`flex ${className}`}>
      <label htmlFor={id} className="sr-only">
        Search products
      </label>
      <input
        id={id}
        name="q"
        type="search"
        defaultValue={defaultValue}
        maxLength={MAX_QUERY_LENGTH}
        placeholder={placeholder}
        className={`min-w-0 flex-1 rounded-l-full border border-r-0 border-stone-300 px-4 ${pad} ${large ? "bg-white" : "bg-stone-50 focus:bg-white"}`}
      />
      <button type="submit" className={`flex items-center gap-1.5 rounded-r-full bg-brand-700 px-5 ${pad} font-semibold text-white hover:bg-brand-800`}>
        <SearchIcon className="size-4" />
        Search
      </button>
    </form>
  );
}
