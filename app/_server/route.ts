// The one wrapper for route handlers: state-changing requests from another site are refused, JSON bodies must
// be sent as `application/json` and are read as a bounded stream, errors become
// `{ error: { code, message, fieldErrors } }` with the code's HTTP status. A result's `readerChange` (what readers
// see changed) is expired here too (internalRoute; expire-reader-change.ts).
import { NextResponse } from "next/server";
import { AppError } from "@/lib/errors";
import type { Actor, Permission } from "@/lib/auth/policy";
import { assertCan } from "@/lib/auth/policy";
import { readJsonBody } from "@/lib/http/read-body";
import { crossSiteRefusal } from "@/lib/http/same-origin";
import type { z } from "zod";
import { parseInput } from "@/lib/validation";
import { getActor } from "./session";
import { toErrorBody } from "./errors";
import { expireReaderChange } from "./expire-reader-change";

export function jsonError(err: unknown, context: string): NextResponse {
  const { status, body } = toErrorBody(err, context);
  const headers: Record<string, string> = {};
  const retry = body.details?.retryAfterSeconds;
  if (status === 429 && typeof retry === "number") headers["Retry-After"] = String(Math.max(1, Math.ceil(retry)));
  return NextResponse.json({ error: body }, { status, headers });
}

/** Reads a JSON body of at most `maxBytes`: 415 unless sent as JSON, 413 above the cap, 400 when not JSON. */
export function readJson(request: Request, maxBytes: number): Promise<unknown> {
  return readJsonBody(request, maxBytes);
}

/** The configured public hosts (NEXTAUTH_URL, SITE_URL), accepted as Origin behind a proxy that rewrites Host. */
function siteHosts(): string[] {
  const hosts: string[] = [];
  for (const value of [process.env.NEXTAUTH_URL, process.env.SITE_URL]) {
    try {
      if (value) hosts.push(new URL(value).host);
    } catch {
      // a malformed setting names no host
    }
  }
  return hosts;
}

/** FORBIDDEN when a state-changing request was made by another site's page (lib/http/same-origin.ts). */
export function assertSameOrigin(request: Request): void {
  const refusal = crossSiteRefusal(request.method, request.headers, siteHosts());
  if (refusal) {
    throw new AppError("FORBIDDEN", "This request came from another site and was refused.", {
      details: { refusedBecause: refusal },
    });
  }
}

/** A route handler for signed-in staff with `permission` (for requests without a body: GET, DELETE). */
export function authedRoute<C>(
  permission: Permission,
  name: string,
  handler: (request: Request, actor: Actor, context: C) => Promise<Response>,
) {
  return async (request: Request, context: C): Promise<Response> => {
    try {
      assertSameOrigin(request);
      const actor = await getActor();
      if (!actor) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
      assertCan(actor, permission);
      return await handler(request, actor, context);
    } catch (err) {
      return jsonError(err, `route ${name}`);
    }
  };
}

/**
 * A JSON route handler for signed-in staff: reads at most `maxBytes` of JSON, adds what the URL says (`fromUrl`,
 * e.g. the article id of /articles/[id]/…: the URL wins over the body), parses the result once with the
 * operation's schema and hands the typed input to the handler.
 */
export function authedJsonRoute<C, S extends z.ZodType>(
  options: {
    permission: Permission;
    name: string;
    schema: S;
    maxBytes: number;
    /** The summary shown above the field errors when the input does not fit the schema. */
    invalidMessage?: string;
    fromUrl?: (context: C, request: Request) => Promise<Record<string, unknown>> | Record<string, unknown>;
  },
  handler: (input: z.output<S>, actor: Actor, context: C) => Promise<Response>,
) {
  return authedRoute<C>(options.permission, options.name, async (request, actor, context) => {
    const body = await readJson(request, options.maxBytes);
    const fields = body && typeof body === "object" && !Array.isArray(body) ? body : {};
    const fromUrl = options.fromUrl ? await options.fromUrl(context, request) : {};
    const input = parseInput(options.schema, { ...fields, ...fromUrl }, options.invalidMessage);
    return handler(input, actor, context);
  });
}

/**
 * A route for the app's own processes (e.g. the scheduler's tick over loopback): anyone `authorised` refuses is
 * answered 404, as if it did not exist. The handler's result is answered as JSON after the readers' pages its
 * `readerChange` names are expired; a failure is logged and answered 500 with `failureMessage`.
 */
export function internalRoute<T extends object>(
  options: { name: string; authorised: (request: Request) => boolean; failureMessage: string },
  handler: (request: Request) => Promise<T>,
) {
  return async (request: Request): Promise<Response> => {
    if (!options.authorised(request))
      return NextResponse.json({ error: { code: "NOT_FOUND", message: "Not found." } }, { status: 404 });
    try {
      const result = await handler(request);
      return NextResponse.json(expireReaderChange(result, `route ${options.name}`));
    } catch (err) {
      console.error(`[${options.name}] run failed`, err);
      return NextResponse.json({ error: { code: "INTERNAL", message: options.failureMessage } }, { status: 500 });
    }
  };
}
