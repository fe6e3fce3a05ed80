"use client";
// One way for a studio component to send a change to a route handler and show how it went: busy while the
// request is out, the error in the person's terms (errorText: the field's own message, else the server's, else
// what did not happen), the field errors for aria-invalid, and a plain sentence when the server cannot be
// reached. What the person typed stays in their own state: nothing here clears it.
import { useCallback, useState } from "react";
import type { FieldErrors } from "@/lib/errors";
import { api, errorText } from "./json-api";

export interface MutationRequest {
  url: string;
  method: "POST" | "PUT" | "PATCH" | "DELETE";
  /** JSON-serialisable, or a FormData sent as multipart. */
  body?: unknown;
  /** Fields whose own message is the one to show (first found wins). */
  fields?: readonly string[];
  /** What did not happen, for a refusal without a message: "The address could not be changed." */
  failed: string;
  /** When the server cannot be reached (default: `failed` and "The server could not be reached."). */
  unreachable?: string;
}

export function useJsonMutation() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  /** Sends the request; resolves to the answer's body, or null after showing why it failed. */
  const send = useCallback(async <T>(request: MutationRequest): Promise<T | null> => {
    setBusy(true);
    setError("");
    setFieldErrors({});
    try {
      const r = await api<T>(request.url, request.method, request.body);
      if (r.ok) return r.body;
      setError(errorText(r.body.error, request.fields ?? [], request.failed));
      setFieldErrors(r.body.error?.fieldErrors ?? {});
      return null;
    } catch {
      setError(request.unreachable ?? `${request.failed} The server could not be reached.`);
      return null;
    } finally {
      setBusy(false);
    }
  }, []);

  return { busy, error, fieldErrors, send, setError };
}
