import type { z } from "zod";
import { AppError, type FieldErrors } from "./errors";

/** Parses input with a zod schema; on failure throws a VALIDATION AppError with messages field by field. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  message = "Please correct the highlighted fields.",
): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_form";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  throw new AppError("VALIDATION", message, { fieldErrors });
}
