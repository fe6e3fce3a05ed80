"use client";
// The form works without JavaScript (server action progressive enhancement); with it, the button shows progress.
import { useFormStatus } from "react-dom";

export function SignOutButton({ className }: { className?: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={className} disabled={pending} aria-busy={pending}>
      {pending ? "Signing out…" : "Sign out"}
    </button>
  );
}
