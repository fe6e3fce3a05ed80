// The one error type of the domain. lib/ throws AppError with a code; routes and actions map the code to an
// HTTP status (httpStatus) and show `message` as is. Anything else is unexpected: logged, and shown as a
// generic message (see app/_server/errors.ts).

export const ERROR_STATUS = {
  VALIDATION: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  TWO_FACTOR_REQUIRED: 401, // password right; the second factor's code is still to come
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  GATE_FAILED: 422,
  ACCOUNT_LOCKED: 429,
  RATE_LIMITED: 429,
  /** An outside service (DOI registry, PubMed) could not be reached or answered with an error. */
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** Field name → messages, for forms that show errors beside each field. */
export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fieldErrors?: FieldErrors;
  /** Extra machine-readable detail (e.g. the current version on a conflict, seconds to wait). */
  readonly details?: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    message: string,
    options: { fieldErrors?: FieldErrors; details?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = options.fieldErrors;
    this.details = options.details;
  }

  get httpStatus(): number {
    return ERROR_STATUS[this.code];
  }
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}

export const GENERIC_ERROR_MESSAGE =
  "Something went wrong on our side. Nothing you entered was lost; please try again.";
