import type { Metadata } from "next";
import { Link } from "@/components/layout/shop-link";
import { Suspense } from "react";
import { LinkToken } from "@/components/account/link-token";
import { BUILD_SAMPLE_SEGMENT } from "@/lib/storefront/paths";
import { ResetPasswordForm } from "./reset-form";

// Partial prefetching for pages whose forms end in an action's redirect or refresh (docs/web.md).
export const prefetch = "partial";

export function generateStaticParams() {
  return [{ store: BUILD_SAMPLE_SEGMENT }];
}

export const metadata: Metadata = { title: "Choose a new password", robots: { index: false, follow: false } };

export default function ResetPasswordPage({ searchParams }: PageProps<"/at/[store]/sign-in/reset">) {
  return (
    <div className="mx-auto max-w-md space-y-6 py-4">
      <h1 className="text-3xl font-extrabold">Choose a new password</h1>
      <ResetPasswordForm>
        <Suspense>
          <LinkToken searchParams={searchParams} />
        </Suspense>
      </ResetPasswordForm>
      <p className="text-stone-700">
        Link expired?{" "}
        <Link href="/sign-in/forgot" className="font-semibold text-brand-700 underline">
          Ask for a new one
        </Link>
      </p>
    </div>
  );
}
