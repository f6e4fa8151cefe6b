// The form flash of this request (moved from its cookie into a header by lib/auth/admin-gate.ts),
// provided to the back office's forms. Rendered inside the layout's staff gate, which is dynamic.
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { decodeFormFlash, FORM_FLASH_HEADER } from "@/lib/backoffice/form-flash";
import { FormFlashProvider } from "./form-flash";

export async function FormFlashFromRequest({ children }: { children: ReactNode }) {
  const flash = decodeFormFlash((await headers()).get(FORM_FLASH_HEADER));
  return <FormFlashProvider flash={flash}>{children}</FormFlashProvider>;
}
