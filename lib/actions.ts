// The one wrapper every server action goes through: validate the form with zod, then act.
// Actions answer forms with field errors and a message; they never throw raw errors at people.
import type { z } from "zod";

export type ActionState = { ok?: boolean; message?: string; errors?: Record<string, string[] | undefined> };

export function validatedAction<S extends z.ZodType>(schema: S, handler: (data: z.infer<S>) => Promise<ActionState | void>) {
  return async (_prev: ActionState, formData: FormData): Promise<ActionState> => {
    const parsed = schema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) {
      const errors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) (errors[String(issue.path[0] ?? "form")] ??= []).push(issue.message);
      return { ok: false, message: "Please correct the highlighted fields.", errors };
    }
    return (await handler(parsed.data)) ?? { ok: true };
  };
}
