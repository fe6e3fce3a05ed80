"use client";

import { useEffect, useRef, useState } from "react";
import { signIn } from "next-auth/react";

// Must match TWO_FACTOR_REQUIRED_ERROR in app/_server/auth-options.ts (not imported: that module is server-only).
const TWO_FACTOR_REQUIRED = "TWO_FACTOR_REQUIRED";

export function SignInForm({ callbackUrl, email }: { callbackUrl: string; email?: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // After a right password for an account with two-step sign-in, the same form asks for the code; no session
  // exists until the code is checked too.
  const [needCode, setNeedCode] = useState(false);
  const codeRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (needCode) codeRef.current?.focus();
  }, [needCode]);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", {
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        code: String(form.get("code") ?? ""),
        redirect: false,
      });
      if (!result || result.error) {
        if (result?.error === TWO_FACTOR_REQUIRED) {
          setNeedCode(true);
          setPending(false);
          return;
        }
        setError(
          result?.error && result.error !== "CredentialsSignin"
            ? result.error
            : "That e-mail and password do not match an active account.",
        );
        setPending(false);
        return;
      }
      window.location.assign(callbackUrl);
    } catch {
      setError("Could not reach the server. Check your connection and try again.");
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-describedby={error ? "signin-error" : undefined}>
      {error && (
        <p id="signin-error" className="notice error" role="alert" data-testid="signin-error">
          {error}
        </p>
      )}
      <label htmlFor="email">E-mail</label>
      <input
        id="email"
        name="email"
        type="email"
        autoComplete="username"
        required
        autoFocus={!email}
        defaultValue={email}
        readOnly={needCode}
      />
      <label htmlFor="password">Password</label>
      <input
        id="password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        autoFocus={!!email}
        readOnly={needCode}
      />
      {needCode && (
        <div className="field" data-testid="signin-code">
          <label htmlFor="code">Authentication code</label>
          <input
            ref={codeRef}
            id="code"
            name="code"
            type="text"
            inputMode="text"
            autoComplete="one-time-code"
            required
            aria-describedby="code-hint"
          />
          <p className="field-hint" id="code-hint">
            The 6-digit code from your authenticator app. Lost your phone? Enter one of your recovery codes instead.
          </p>
        </div>
      )}
      <p>
        <button type="submit" disabled={pending} aria-busy={pending}>
          {pending ? (
            <>
              <span className="spinner" aria-hidden="true" /> Signing in…
            </>
          ) : needCode ? (
            "Verify and sign in"
          ) : (
            "Sign in"
          )}
        </button>
      </p>
      <p className="field-hint">
        <a href="/forgot-password">Forgot your password?</a>
      </p>
    </form>
  );
}
