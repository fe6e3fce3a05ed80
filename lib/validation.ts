import { z } from "zod";
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

// Form fields arrive as strings (or not at all). Schemas that an HTML form posts to coerce them here, so the
// operation receives typed values and the browser's shapes never reach lib.

/** A checkbox: ticked ("on", "true" or true) is true, anything else is absent. */
export function formCheckbox<S extends z.ZodType>(schema: S) {
  return z.preprocess((v) => (v === "on" || v === "true" || v === true ? true : undefined), schema);
}

/** A yes/no field: "false" or false is false, anything else true. */
export const formFlag = z.preprocess((v) => !(v === "false" || v === false), z.boolean());

/** An optional field where an empty string means "not given". */
export function formOptional<S extends z.ZodType>(schema: S) {
  return z.preprocess((v) => (v === "" || v === null ? undefined : v), schema.optional());
}
