import type { Metadata } from "next";
import { can } from "@/lib/auth/policy";
import { requirePermission } from "@/app/_server/session";
import { CheckPlayground } from "./check-playground";

export const metadata: Metadata = { title: "Content checks" };

export default async function ChecksPage() {
  const actor = await requirePermission("checks.run", "/studio/checks");
  return (
    <>
      <h1>Content checks</h1>
      <p>
        Paste or write text to see what the content checks find before it goes into an article: empty sections, repeated
        headings, spelling (with the medical word list and the project dictionary), a missing summary or disclaimer.
        Lines starting with <code>## </code> are headings, lines starting with <code>- </code> are list items. Nothing
        here is saved.
      </p>
      <CheckPlayground canAddWords={can(actor, "dictionary.manage")} />
    </>
  );
}
