import { LinkNavigation } from "@/components/layout/link-navigation";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { getCategories, requireStore } from "@/lib/catalog/data";

export default async function StorefrontLayout({ children, params }: LayoutProps<"/at/[store]">) {
  const { store: segment } = await params;
  const store = await requireStore(segment);
  const categories = await getCategories();
  return (
    <>
      <SiteHeader store={store} categories={categories} />
      <main id="main" className="mx-auto max-w-7xl px-4 py-6">
        {children}
      </main>
      <SiteFooter store={store} />
      <LinkNavigation />
    </>
  );
}
