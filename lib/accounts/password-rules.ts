// The one rule for a new password, shared by account creation, change, reset and invitation.
import { z } from "zod";

export const PASSWORD_MIN_LENGTH = 12;

export const newPasswordField = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(200, "Keep the password under 200 characters.");

/** New password typed twice; the mismatch is reported on the second field. */
export function withConfirmation<T extends z.ZodRawShape>(shape: T) {
  return z
    .object({ ...shape, password: newPasswordField, confirmPassword: z.string() })
    .refine((v) => (v as { password: string }).password === (v as { confirmPassword: string }).confirmPassword, {
      message: "The two passwords do not match.",
      path: ["confirmPassword"],
    });
}
