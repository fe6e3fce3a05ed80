import { AppError } from "../../lib/errors";

/** Awaits a promise that must reject with an AppError and returns it, so a test can assert its code and fields. */
export async function catchAppError(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected an AppError");
}
