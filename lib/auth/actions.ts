"use server";
// Signing up, in and out, and the shopper's saved addresses. All go through lib/actions.ts.
import { CredentialsSignin } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { signIn, signOut, TooManyAttemptsError } from "@/auth";
import { getDb } from "@/db/client";
import { addAddress, createUser, deleteAddress, findUserByEmail, UserQueryError } from "@/db/queries/users";
import { validatedAction, validatedActionWithUser, type ActionState } from "@/lib/actions";
import { adoptGuestBasket } from "@/lib/basket/session";
import { INVALID_CREDENTIALS_MESSAGE } from "./credentials";
import { hashPassword } from "./password";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "./password-policy";
import { safeNextPath } from "./safe-path";
import { throttleMessage } from "./throttle";

const email = z.string().trim().min(1, "Enter your e-mail address.").max(254, "That e-mail address is too long.").email("Enter a valid e-mail address, like name@example.com.");

/**
 * Where to go after signing in: the form's `next`, else the `next` of the page the form was posted
 * from (a form re-rendered after a post without JavaScript no longer carries the hidden field).
 */
async function returnPath(next: string | undefined): Promise<string> {
  if (next) return safeNextPath(next);
  const referer = (await headers()).get("referer");
  if (!referer) return safeNextPath(undefined);
  try {
    return safeNextPath(new URL(referer).searchParams.get("next"));
  } catch {
    return safeNextPath(undefined);
  }
}

/** Signs in through Auth.js, bringing the guest's basket along; a message for the form when refused. */
async function signInOrExplain(credentials: { email: string; password: string }): Promise<ActionState | null> {
  try {
    await signIn("credentials", { ...credentials, redirect: false });
    const user = await findUserByEmail(getDb(), credentials.email);
    if (user) await adoptGuestBasket(user.id);
    return null;
  } catch (error) {
    if (error instanceof TooManyAttemptsError) return { ok: false, message: throttleMessage(error.retryAfterMinutes) };
    if (error instanceof CredentialsSignin) return { ok: false, message: INVALID_CREDENTIALS_MESSAGE };
    throw error;
  }
}

export const signInWithPassword = validatedAction(
  z.object({ email, password: z.string().min(1, "Enter your password.").max(MAX_PASSWORD_LENGTH), next: z.string().optional() }),
  async ({ email, password, next }) => {
    const refused = await signInOrExplain({ email, password });
    if (refused) return refused;
    redirect(await returnPath(next));
  },
);

export const signUp = validatedAction(
  z
    .object({
      name: z.string().trim().min(1, "Enter your name.").max(100, "Please shorten your name to 100 characters."),
      email,
      password: z
        .string()
        .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
        .max(MAX_PASSWORD_LENGTH, `Use at most ${MAX_PASSWORD_LENGTH} characters.`),
      confirmPassword: z.string(),
      next: z.string().optional(),
    })
    .refine((data) => data.password === data.confirmPassword, { path: ["confirmPassword"], message: "The two passwords do not match." }),
  async ({ name, email, password, next }) => {
    try {
      await createUser(getDb(), { name, email, passwordHash: await hashPassword(password) });
    } catch (error) {
      if (error instanceof UserQueryError && error.code === "email_taken") {
        return { ok: false, message: "Please correct the highlighted fields.", errors: { email: ["An account already uses this e-mail address. Sign in instead."] } };
      }
      throw error;
    }
    const refused = await signInOrExplain({ email, password });
    if (refused) return refused;
    redirect(await returnPath(next));
  },
);

export const signOutOfAccount = validatedAction(z.object({}), async () => {
  await signOut({ redirect: false });
  redirect("/");
});

export const saveAddress = validatedActionWithUser(
  { role: [], returnTo: "/account" },
  z.object({
    label: z.string().trim().max(40, "Use at most 40 characters.").default("Home").transform((v) => v || "Home"),
    recipient: z.string().trim().min(1, "Enter who receives deliveries.").max(100, "Use at most 100 characters."),
    street: z.string().trim().min(1, "Enter the street and number.").max(200, "Use at most 200 characters."),
    postcode: z
      .string()
      .trim()
      .regex(/^[0-9A-Za-z -]{3,10}$/, "Enter a valid postcode, like 69003."),
    city: z.string().trim().min(1, "Enter the city.").max(100, "Use at most 100 characters."),
    phone: z
      .string()
      .trim()
      .regex(/^(\+?[0-9 ().-]{6,20})?$/, "Enter a phone number, like +33 6 12 34 56 78, or leave it empty.")
      .optional(),
  }),
  async (address, user) => {
    await addAddress(getDb(), user.id, { ...address, postcode: address.postcode.toUpperCase(), phone: address.phone || null });
    // Post, redirect, get: the page renders afresh, with or without JavaScript.
    redirect("/account");
  },
);

export const removeAddress = validatedActionWithUser(
  { role: [], returnTo: "/account" },
  z.object({ id: z.string().uuid("Unknown address.") }),
  async ({ id }, user) => {
    // Already gone (deleted in another tab) or not theirs: either way it is not in their list.
    await deleteAddress(getDb(), user.id, id);
    redirect("/account");
  },
);
