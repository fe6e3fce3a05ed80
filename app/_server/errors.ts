// Maps errors to what a person or an API client sees. AppError → its code, status and message; anything
// else is logged with an id and shown as a generic message (details never leak to the client).
import { randomUUID } from "node:crypto";
import { AppError, GENERIC_ERROR_MESSAGE, isAppError, type ErrorCode, type FieldErrors } from "@/lib/errors";

export interface ErrorBody {
  code: ErrorCode | "INTERNAL";
  message: string;
  fieldErrors?: FieldErrors;
  details?: Record<string, unknown>;
}

export function toErrorBody(err: unknown, context: string): { status: number; body: ErrorBody } {
  if (isAppError(err)) {
    return {
      status: err.httpStatus,
      body: { code: err.code, message: err.message, fieldErrors: err.fieldErrors, details: err.details },
    };
  }
  const id = randomUUID();
  console.error(`[${context}] unexpected error ${id}`, err);
  return { status: 500, body: { code: "INTERNAL", message: `${GENERIC_ERROR_MESSAGE} (reference ${id.slice(0, 8)})` } };
}

export { AppError };
