// The one wrapper for server actions: reads the session, checks the permission, parses the input with a
// zod schema, calls lib, expires the readers' pages the result's `readerChange` names (expire-reader-change.ts),
// and turns errors into a serialisable result. Next's own control-flow throws (redirect, notFound, forbidden)
// pass through untouched.
import { unstable_rethrow } from "next/navigation";
import { headers } from "next/headers";
import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { assertCan, type Actor, type Permission } from "@/lib/auth/policy";
import { parseInput } from "@/lib/validation";
import { clientAddress } from "@/lib/http/client-address";
import { getActor } from "./session";
import { toErrorBody, type ErrorBody } from "./errors";
import { expireReaderChange, type WithoutReaderChange } from "./expire-reader-change";

export type ActionResult<T> = { ok: true; data: T } | ({ ok: false } & ErrorBody);

export function action<S extends z.ZodType, T>(
  options: { permission: Permission; schema: S; name: string },
  handler: (input: z.output<S>, actor: Actor) => Promise<T>,
) {
  return async (input: z.input<S> | FormData): Promise<ActionResult<WithoutReaderChange<T>>> => {
    try {
      const actor = await getActor();
      if (!actor)
        throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again; what you entered is still here.");
      assertCan(actor, options.permission);
      const raw = input instanceof FormData ? formDataToObject(input) : input;
      const data = parseInput(options.schema, raw);
      return { ok: true, data: expireReaderChange(await handler(data, actor), `action ${options.name}`) };
    } catch (err) {
      unstable_rethrow(err);
      return { ok: false, ...toErrorBody(err, `action ${options.name}`).body };
    }
  };
}

/** FormData → plain object; repeated names become arrays. */
export function formDataToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith("$ACTION")) continue;
    const v = typeof value === "string" ? value : value;
    if (key in out) out[key] = ([] as unknown[]).concat(out[key], v);
    else out[key] = v;
  }
  return out;
}

/**
 * For the few actions open to people who are not signed in (asking for a password reset link, setting a
 * password from an e-mailed link): parses the input with the schema and passes the client's address (for
 * throttling) to the handler; errors become the same serialisable result as `action`.
 */
export function publicAction<S extends z.ZodType, T>(
  options: { schema: S; name: string },
  handler: (input: z.output<S>, context: { clientAddress: string }) => Promise<T>,
) {
  return async (input: z.input<S> | FormData): Promise<ActionResult<T>> => {
    try {
      const raw = input instanceof FormData ? formDataToObject(input) : input;
      const data = parseInput(options.schema, raw);
      return { ok: true, data: await handler(data, { clientAddress: clientAddress(await headers()) }) };
    } catch (err) {
      unstable_rethrow(err);
      return { ok: false, ...toErrorBody(err, `action ${options.name}`).body };
    }
  };
}
