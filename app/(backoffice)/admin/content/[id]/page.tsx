import type { Metadata } from "next";
import Link from "next/link";
import { cache, Suspense } from "react";
import { FormMessage } from "@/components/account/form-field";
import { getDb } from "@/db/client";
import { getContentPage, listContentRevisions } from "@/db/queries/content";
import { getCategoryTree } from "@/db/queries/categories";
import { listMedia } from "@/db/queries/media";
import { MARKETING_ROLES } from "@/lib/backoffice/access";
import { pageAccess } from "@/lib/backoffice/pages";
import { toLocalDateTime } from "@/lib/content/schedule";
import { storefrontPath } from "@/lib/content/preview";
import { isIntId } from "@/lib/ids";
import { formatDateTime } from "@/lib/orders/labels";
import { StaffOnly } from "../../staff-gate";
import { PageStatusBadge } from "../status-badge";
import { PageEditor } from "./page-editor";
import { PublishForms, RestoreForm, ScheduleForm } from "./publishing-forms";

type Props = PageProps<"/admin/content/[id]">;

/** Marketing and admins; an unknown id is a 404. Called first by generateMetadata. */
const loadPage = cache((id: string) =>
  pageAccess(MARKETING_ROLES, `/admin/content/${id}`, async () => {
    const page = /^\d{1,10}$/.test(id) && isIntId(Number(id)) ? await getContentPage(getDb(), Number(id)) : null;
    return page ? { page } : null;
  }),
);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const access = await loadPage((await params).id);
  return { title: access.allowed ? `Edit ${access.page.title}` : "Staff only" };
}

/** One content page: its editor, publishing and schedule, and its history. */
export default function ContentPageEditor({ params, searchParams }: Props) {
  return (
    <div className="mx-auto max-w-5xl px-4 py-8">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/admin/content" className="text-brand-700 underline">
          Content pages
        </Link>
      </nav>
      <Suspense fallback={<p className="text-stone-600">Loading the page…</p>}>
        <Editor params={params} searchParams={searchParams} />
      </Suspense>
    </div>
  );
}

async function Editor({ params, searchParams }: Props) {
  const access = await loadPage((await params).id);
  if (!access.allowed) return <StaffOnly />;
  const { page } = access;
  const db = getDb();
  const [revisions, media, tree, { created }] = await Promise.all([listContentRevisions(db, page.id), listMedia(db, { limit: 24 }), getCategoryTree(db), searchParams]);
  const categories = tree.flatMap((root) => [root, ...root.children]).map((c) => ({ slug: c.slug, name: c.name }));
  const path = storefrontPath(page);
  return (
    <>
      <div className="mt-2 flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-3xl font-extrabold">{page.title}</h1>
          <p className="mt-1 text-stone-700">
            <PageStatusBadge page={page} /> <span className="font-mono text-sm">{path}</span> · version {page.version}
            {page.updatedByName && `, last saved by ${page.updatedByName}`} on {formatDateTime(page.updatedAt)}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <a href={`/api/admin/content-preview/${page.id}`} className="rounded-full border border-stone-300 bg-white px-4 py-2 font-semibold hover:bg-stone-100">
            Preview the saved draft
          </a>
          {page.publishedRevisionId && (
            <a href={path} className="rounded-full border border-stone-300 bg-white px-4 py-2 font-semibold hover:bg-stone-100">
              View on the storefront
            </a>
          )}
        </div>
      </div>
      {created === "1" && (
        <div className="mt-4">
          <FormMessage ok message="Page created. Add blocks, save, then preview and publish." />
        </div>
      )}
      <div className="mt-6">
        <PageEditor
          page={{ id: page.id, version: page.version, title: page.title, description: page.description, blocks: page.blocks }}
          recent={media.map((m) => ({ id: m.id, width: m.width, height: m.height, alt: m.alt, fileName: m.fileName }))}
          categories={categories}
        />
      </div>
      <section aria-labelledby="publishing-heading" className="mt-10 space-y-4 border-t border-stone-200 pt-6">
        <h2 id="publishing-heading" className="text-xl font-bold">
          Publishing
        </h2>
        <p className="text-stone-700">
          {page.publishedAt ? `Shoppers see the version published on ${formatDateTime(page.publishedAt)}.` : "Shoppers do not see this page."} Publishing uses the last saved draft: save your changes first.
        </p>
        <PublishForms id={page.id} version={page.version} published={page.publishedRevisionId !== null} />
        <h3 className="pt-2 text-lg font-bold">Schedule</h3>
        {(page.publishAt || page.unpublishAt) && (
          <p className="text-stone-700" data-testid="schedule-summary">
            {page.publishAt && `Publishes on ${formatDateTime(page.publishAt)}. `}
            {page.unpublishAt && `Taken down on ${formatDateTime(page.unpublishAt)}.`}
          </p>
        )}
        <ScheduleForm id={page.id} version={page.version} publishAt={page.publishAt ? toLocalDateTime(page.publishAt) : ""} unpublishAt={page.unpublishAt ? toLocalDateTime(page.unpublishAt) : ""} />
      </section>
      <section aria-labelledby="history-heading" className="mt-10 border-t border-stone-200 pt-6">
        <h2 id="history-heading" className="text-xl font-bold">
          History
        </h2>
        <ol className="mt-3 divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white" data-testid="revisions">
          {revisions.map((revision) => (
            <li key={revision.id} className="flex flex-wrap items-center justify-between gap-3 p-3" data-testid="revision">
              <div>
                <p className="font-semibold">
                  Version {revision.version}: {revision.note}
                </p>
                <p className="text-sm text-stone-600">
                  “{revision.title}”, {formatDateTime(revision.savedAt)}
                  {revision.savedByName && ` by ${revision.savedByName}`}
                </p>
              </div>
              {revision.version !== page.version && <RestoreForm id={page.id} version={page.version} revisionId={revision.id} revisionVersion={revision.version} />}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
