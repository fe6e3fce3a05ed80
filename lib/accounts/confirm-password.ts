// Changes to one's own second factor (new recovery codes, turning it off) ask for the password again.
import { z } from "zod";
import type { DbTx } from "../db/client";
import { AppError } from "../errors";
import { verifyPassword } from "../auth/password";

export const passwordConfirmationSchema = z.object({
  password: z.string().min(1, "Enter your password to confirm."),
});

export type PasswordConfirmationInput = z.output<typeof passwordConfirmationSchema>;

/** Refuses (as a field error on `password`) when `password` is not the person's. */
export async function assertPassword(db: DbTx, userId: string, password: string) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, password)))
    throw new AppError("VALIDATION", "Please correct the highlighted fields.", {
      fieldErrors: { password: ["That is not your password."] },
    });
}
