"use server";
// Signing up (confirmed by an e-mailed link), in and out, recovering a password, and the
// shopper's saved addresses. All go through lib/actions.ts; the rules live in sign-up.ts and
// credentials.ts.
import { CredentialsSignin } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { signIn, signOut, SignInBusyError, TooManyAttemptsError, UnverifiedEmailError } from "@/auth";
import { getDb } from "@/db/client";
import { emailTokenUser } from "@/db/queries/email-tokens";
import { addAddress, deleteAddress, endAllSessions, findUserByEmail } from "@/db/queries/users";
import { validatedAction, validatedActionWithUser, type ActionState } from "@/lib/actions";
import { adoptGuestBasket } from "@/lib/basket/session";
import { deploymentMode } from "@/lib/deployment";
import { requestClientAddress } from "@/lib/http/request-address";
import { BUSY_MESSAGE, INVALID_CREDENTIALS_MESSAGE, UNVERIFIED_MESSAGE } from "./credentials";
import { getSessionUser } from "./guards";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "./password-policy";
import { safeNextPath } from "./safe-path";
import { checkYourInboxMessage, requestPasswordReset, requestSignUp, resetPassword, type AccountRequestResult } from "./sign-up";
import { throttleMessage } from "./throttle";

const email = z.string().trim().min(1, "Enter your e-mail address.").max(254, "That e-mail address is too long.").email("Enter a valid e-mail address, like name@example.com.");
const newPassword = {
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
    .max(MAX_PASSWORD_LENGTH, `Use at most ${MAX_PASSWORD_LENGTH} characters.`),
  confirmPassword: z.string().max(MAX_PASSWORD_LENGTH),
};
const passwordsMatch = [
  (data: { password: string; confirmPassword: string }) => data.password === data.confirmPassword,
  { path: ["confirmPassword"], message: "The two passwords do not match." },
] as [(data: { password: string; confirmPassword: string }) => boolean, { path: string[]; message: string }];
const token = z.string().trim().min(1, "This link is incomplete.").max(200, "This link is not valid.");

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
    if (error instanceof UnverifiedEmailError) return { ok: false, message: UNVERIFIED_MESSAGE };
    if (error instanceof SignInBusyError) return { ok: false, message: BUSY_MESSAGE };
    if (error instanceof CredentialsSignin) return { ok: false, message: INVALID_CREDENTIALS_MESSAGE };
    throw error;
  }
}

/** In the demo e-mails are captured, not sent (npm start tells the web app where): say where to read them. */
function withDemoInbox(message: string): string {
  const inbox = process.env.MAIL_CAPTURE_URL;
  return deploymentMode() === "demo" && inbox ? `${message} (Demo shop: e-mails are not sent; read it at ${inbox}.)` : message;
}

/** The form's answer to a sign-up or reset request; refusals keep what was typed. */
function requestAnswer(result: AccountRequestResult, message: string): ActionState {
  if (result.ok) return { ok: true, message: withDemoInbox(message) };
  return { ok: false, message: result.reason === "busy" ? BUSY_MESSAGE : throttleMessage(result.retryAfterMinutes) };
}

export const signInWithPassword = validatedAction(
  z.object({ email, password: z.string().min(1, "Enter your password.").max(MAX_PASSWORD_LENGTH), next: z.string().optional() }),
  async ({ email, password, next }) => {
    const refused = await signInOrExplain({ email, password });
    if (refused) return refused;
    redirect(await returnPath(next));
  },
);

/**
 * Sign-up answers the same whether or not the address already has an account: the address's
 * owner finishes from the link e-mailed to them (lib/auth/sign-up.ts).
 */
export const signUp = validatedAction(
  z
    .object({
      name: z.string().trim().min(1, "Enter your name.").max(100, "Please shorten your name to 100 characters."),
      email,
      ...newPassword,
      next: z.string().max(2000).optional(),
    })
    .refine(...passwordsMatch),
  async ({ name, email, password, next }) => {
    const result = await requestSignUp(getDb(), { name, email, password, next: await returnPath(next) }, { clientAddress: await requestClientAddress() });
    return requestAnswer(result, checkYourInboxMessage(email));
  },
);

/** The link in the sign-up e-mail: confirms the address, signs in, brings the guest basket along. */
export const confirmSignUp = validatedAction(z.object({ token, next: z.string().max(2000).optional() }), async ({ token, next }) => {
  const userId = await emailTokenUser(getDb(), token, "verify_email");
  try {
    if (!userId) throw new CredentialsSignin();
    await signIn("email-link", { token, redirect: false });
  } catch (error) {
    if (!(error instanceof CredentialsSignin)) throw error;
    return { ok: false, message: "This link has expired or has already been used. Sign in, or sign up again to get a new link." };
  }
  await adoptGuestBasket(userId);
  redirect(safeNextPath(next));
});

export const requestPasswordResetLink = validatedAction(z.object({ email }), async ({ email }) => {
  const result = await requestPasswordReset(getDb(), email, { clientAddress: await requestClientAddress() });
  return requestAnswer(result, `If an account uses ${email.toLowerCase()}, we have sent it a link to choose a new password. It works for 1 hour.`);
});

export const chooseNewPassword = validatedAction(z.object({ token, ...newPassword }).refine(...passwordsMatch), async ({ token, password }) => {
  const result = await resetPassword(getDb(), token, password);
  if (!result.ok) {
    if (result.reason === "busy") return { ok: false, message: BUSY_MESSAGE };
    return { ok: false, message: "This link has expired or has already been used. Ask for a new one below." };
  }
  const refused = await signInOrExplain({ email: result.user.email, password });
  if (refused) return refused;
  // Staff choosing their first password (or a new one) land where they work.
  redirect(result.user.role === "customer" ? "/account" : "/admin");
});

/** Ends this session and every other one of the account (a stolen copy of the cookie included). */
export const signOutOfAccount = validatedAction(z.object({}), async () => {
  const user = await getSessionUser();
  if (user) await endAllSessions(getDb(), user.id);
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
