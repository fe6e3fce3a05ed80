// What action() and authedRoute() do with a request, for tests that start from raw (form or JSON) input:
// parse it once with the operation's schema (a VALIDATION AppError with field errors when it does not fit),
// then call the operation with the typed result. Always returns a promise, so `rejects` works for both.
import type { z } from "zod";
import { parseInput } from "../../lib/validation";

export async function viaSchema<S extends z.ZodType, T>(
  schema: S,
  raw: unknown,
  operation: (input: z.output<S>) => Promise<T>,
): Promise<T> {
  return operation(parseInput(schema, raw));
}
