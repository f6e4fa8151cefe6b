import type { Metadata } from "next";
import { Link } from "@/components/layout/shop-link";
import { Suspense } from "react";
import { ReturnPath } from "@/components/account/return-path";
import { BUILD_SAMPLE_SEGMENT } from "@/lib/storefront/paths";
import { SignUpForm } from "./sign-up-form";

// Partial prefetching for pages whose forms end in an action's redirect or refresh (docs/web.md).
export const prefetch = "partial";

export function generateStaticParams() {
  return [{ store: BUILD_SAMPLE_SEGMENT }];
}

export const metadata: Metadata = { title: "Create an account", robots: { index: false, follow: false } };


// As on the sign-in page, the form stays outside <Suspense> so that it works without JavaScript.
export default function SignUpPage({ searchParams }: PageProps<"/at/[store]/sign-up">) {
  return (
    <div className="mx-auto max-w-md space-y-6 py-4">
      <h1 className="text-3xl font-extrabold">Create an account</h1>
      <SignUpForm>
        <Suspense>
          <ReturnPath searchParams={searchParams} />
        </Suspense>
      </SignUpForm>
      <p className="text-stone-700">
        Already have an account?{" "}
        <Link href="/sign-in" className="font-semibold text-brand-700 underline">
          Sign in
        </Link>
      </p>
    </div>
  );
}
