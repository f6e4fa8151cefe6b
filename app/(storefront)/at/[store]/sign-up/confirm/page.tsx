import type { Metadata } from "next";
import { Suspense } from "react";
import { LinkToken } from "@/components/account/link-token";
import { BUILD_SAMPLE_SEGMENT } from "@/lib/storefront/paths";
import { ConfirmForm } from "./confirm-form";

// Partial prefetching for pages whose forms end in an action's redirect or refresh (docs/web.md).
export const prefetch = "partial";

export function generateStaticParams() {
  return [{ store: BUILD_SAMPLE_SEGMENT }];
}

export const metadata: Metadata = { title: "Confirm your e-mail address", robots: { index: false, follow: false } };

// A button rather than confirming on arrival: mail scanners that open links must not use them up.
export default function ConfirmSignUpPage({ searchParams }: PageProps<"/at/[store]/sign-up/confirm">) {
  return (
    <div className="mx-auto max-w-md space-y-6 py-4">
      <h1 className="text-3xl font-extrabold">Confirm your e-mail address</h1>
      <p className="text-stone-700">One last step: confirm that this address is yours, and you are signed in.</p>
      <ConfirmForm>
        <Suspense>
          <LinkToken searchParams={searchParams} />
        </Suspense>
      </ConfirmForm>
    </div>
  );
}
