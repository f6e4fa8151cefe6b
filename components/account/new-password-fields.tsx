// A new password and its confirmation, as sign-up and "choose a new password" ask for them.
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@/lib/auth/password-policy";
import { Field } from "./form-field";

export function NewPasswordFields({ label, note, errors }: { label: string; note?: string; errors?: Record<string, string[] | undefined> }) {
  return (
    <>
      <Field
        label={label}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        maxLength={MAX_PASSWORD_LENGTH}
        hint={[`At least ${MIN_PASSWORD_LENGTH} characters.`, note].filter(Boolean).join(" ")}
        errors={errors?.password}
      />
      <Field label="Confirm password" name="confirmPassword" type="password" autoComplete="new-password" required maxLength={MAX_PASSWORD_LENGTH} errors={errors?.confirmPassword} />
    </>
  );
}
