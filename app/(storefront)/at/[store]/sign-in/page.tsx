import type { Metadata } from "next";
import { Link } from "@/components/layout/shop-link";
import { Suspense } from "react";
import { ReturnPath } from "@/components/account/return-path";
import { BUILD_SAMPLE_SEGMENT } from "@/lib/storefront/paths";
import { SignInForm } from "./sign-in-form";

// Partial prefetching for pages whose forms end in an action's redirect or refresh (docs/web.md).
export const prefetch = "partial";

export function generateStaticParams() {
  return [{ store: BUILD_SAMPLE_SEGMENT }];
}

export const metadata: Metadata = { title: "Sign in", robots: { index: false, follow: false } };


// The form is part of the page's shell, outside <Suspense>: after a form post without JavaScript,
// content streamed behind a boundary stays hidden, so the form and its errors must not be.
export default function SignInPage({ searchParams }: PageProps<"/at/[store]/sign-in">) {
  return (
    <div className="mx-auto max-w-md space-y-6 py-4">
      <h1 className="text-3xl font-extrabold">Sign in</h1>
      <SignInForm>
        <Suspense>
          <ReturnPath searchParams={searchParams} />
        </Suspense>
      </SignInForm>
      <p className="text-stone-700">
        <Link href="/sign-in/forgot" className="font-semibold text-brand-700 underline">
          Forgot your password?
        </Link>
      </p>
      <p className="text-stone-700">
        New to Halles?{" "}
        <Link href="/sign-up" className="font-semibold text-brand-700 underline">
          Create an account
        </Link>
      </p>
    </div>
  );
}
