import type { Metadata } from "next";
import { Link } from "@/components/layout/shop-link";
import { BUILD_SAMPLE_SEGMENT } from "@/lib/storefront/paths";
import { ForgotPasswordForm } from "./forgot-form";

// Partial prefetching for pages whose forms end in an action's redirect or refresh (docs/web.md).
export const prefetch = "partial";

export function generateStaticParams() {
  return [{ store: BUILD_SAMPLE_SEGMENT }];
}

export const metadata: Metadata = { title: "Forgot your password?", robots: { index: false, follow: false } };

export default function ForgotPasswordPage() {
  return (
    <div className="mx-auto max-w-md space-y-6 py-4">
      <h1 className="text-3xl font-extrabold">Forgot your password?</h1>
      <p className="text-stone-700">Enter your e-mail address and we will send you a link to choose a new password.</p>
      <ForgotPasswordForm />
      <p className="text-stone-700">
        Remembered it?{" "}
        <Link href="/sign-in" className="font-semibold text-brand-700 underline">
          Sign in
        </Link>
      </p>
    </div>
  );
}
