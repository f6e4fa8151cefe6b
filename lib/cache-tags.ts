// Cache tags of the storefront's cached reads; every catalog write ends by invalidating one of these.
export const TAGS = {
  /** Anything in the catalog: categories, brands, products, prices. */
  catalog: "catalog",
  /** Live automatic promotions (badges on cards and product pages); expired by every promotion change and window boundary. */
  promotions: "promotions",
  stores: "stores",
  product: (slug: string) => `product:${slug}`,
  category: (slug: string) => `category:${slug}`,
  /** Stock levels of one store. */
  stock: (storeId: number) => `stock:${storeId}`,
  /** A content page by slug ("home" for the home page): its published revision. */
  page: (slug: string) => `page:${slug}`,
} as const;
