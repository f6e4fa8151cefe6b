// The one wrapper every server action goes through: session → role → zod → handler.
// Actions answer forms with field errors, a message and what was typed (passwords excepted);
// they never throw raw errors at people.
import type { z } from "zod";
import type { UserRole } from "@/db/schema";
import { AccessDeniedError, type SessionUser } from "@/lib/auth/access";
import { requireRole } from "@/lib/auth/guards";

export type ActionState = {
  ok?: boolean;
  message?: string;
  errors?: Record<string, string[] | undefined>;
  /** The submitted text fields, so that a form re-rendered with errors keeps them (never passwords). */
  values?: Record<string, string>;
};

export interface ActionAuth {
  /** Roles allowed to run the action; an empty list allows any signed-in user. */
  role: readonly UserRole[];
  /** Where signed-out people come back to after signing in. */
  returnTo?: string;
}

type FormAction = (prev: ActionState, formData: FormData) => Promise<ActionState>;

/**
 * What an action answers when it is not called as its forms call it: anyone can post any
 * arguments to an action's id (none, scalars, an object, the form data first), and the types
 * above are only what our own pages send.
 */
export const UNREADABLE_FORM: ActionState = { ok: false, message: "This form could not be read. Please reload the page and try again." };

function submittedValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) {
    if (typeof value === "string" && !key.startsWith("$ACTION") && !/password/i.test(key)) values[key] = value.slice(0, 1000);
  }
  return values;
}

/** Validates the form with `schema` and runs `run` on the data; field errors and typed values go back to the form. */
export async function parseAndRun<S extends z.ZodType>(
  schema: S,
  formData: FormData,
  run: (data: z.infer<S>) => Promise<ActionState | void>,
): Promise<ActionState> {
  if (!(formData instanceof FormData)) return UNREADABLE_FORM;
  // PostgreSQL refuses NUL in text: such a field would fail in whatever query it reached.
  const withNul = [...formData].filter(([, value]) => typeof value === "string" && value.includes("\u0000")).map(([key]) => key);
  if (withNul.length) {
    const errors = Object.fromEntries(withNul.map((key) => [key, ["This contains a character that cannot be saved. Please type it again."]]));
    return { ok: false, message: "Please correct the highlighted fields.", errors, values: submittedValues(formData) };
  }
  const parsed = schema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const errors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (errors[String(issue.path[0] ?? "form")] ??= []).push(issue.message);
    return { ok: false, message: "Please correct the highlighted fields.", errors, values: submittedValues(formData) };
  }
  const result = (await run(parsed.data)) ?? { ok: true };
  return result.ok === false ? { values: submittedValues(formData), ...result } : result;
}

/** An action anyone may run (choosing a store, signing in). */
export function validatedAction<S extends z.ZodType>(schema: S, handler: (data: z.infer<S>) => Promise<ActionState | void>): FormAction {
  return async (_prev, formData) => parseAndRun(schema, formData, handler);
}

/**
 * An action for signed-in users with one of `auth.role`: signed-out people are sent to sign-in,
 * other roles get a message and nothing runs. The handler receives the user as the database has it now.
 */
export function validatedActionWithUser<S extends z.ZodType>(
  auth: ActionAuth,
  schema: S,
  handler: (data: z.infer<S>, user: SessionUser) => Promise<ActionState | void>,
): FormAction {
  return async (_prev, formData) => {
    const access = await actionUser(auth);
    if ("refused" in access) return access.refused;
    return parseAndRun(schema, formData, (data) => handler(data, access.user));
  };
}

export const NOT_ALLOWED: ActionState = { ok: false, message: "Your account is not allowed to do this." };

/** The signed-in user with one of `auth.role`, or the answer refusing them (signed out: redirects to sign-in). */
export async function actionUser(auth: ActionAuth): Promise<{ user: SessionUser } | { refused: ActionState }> {
  try {
    return { user: await requireRole(auth.role, { returnTo: auth.returnTo }) };
  } catch (error) {
    if (error instanceof AccessDeniedError) return { refused: NOT_ALLOWED };
    throw error;
  }
}
