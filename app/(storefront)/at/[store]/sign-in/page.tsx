import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { Suspense } from "react";
import { getSessionUser } from "@/lib/auth/guards";
import { safeNextPath } from "@/lib/auth/safe-path";
import { BUILD_SAMPLE_SEGMENT } from "@/lib/storefront/paths";
import { SignInForm } from "./sign-in-form";

export function generateStaticParams() {
  return [{ store: BUILD_SAMPLE_SEGMENT }];
}

export const metadata: Metadata = { title: "Sign in", robots: { index: false, follow: false } };

type SearchParams = PageProps<"/at/[store]/sign-in">["searchParams"];

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
        New to Halles?{" "}
        <Link href="/sign-up" className="font-semibold text-brand-700 underline">
          Create an account
        </Link>
      </p>
    </div>
  );
}

/** Sends people who are already signed in on their way; otherwise carries `next` in the form. */
async function ReturnPath({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const returnTo = safeNextPath((await searchParams).next);
  if (await getSessionUser()) redirect(returnTo);
  return <input type="hidden" name="next" value={returnTo} />;
}
