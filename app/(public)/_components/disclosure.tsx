// Funding, conflicts of interest and lay review on the article page, from what publishing stored
// (Publication.disclosureJson): no request-time reads, so the stored page stays valid.
import Link from "next/link";
import { conflictsSummary, type DisclosureSnapshot } from "@/lib/declarations/disclosure-snapshot";
import { describeFunding } from "@/lib/declarations/article-funding";

export function Disclosure({ disclosure }: { disclosure: DisclosureSnapshot | null | undefined }) {
  if (!disclosure) return null;
  const summary = conflictsSummary(disclosure);
  return (
    <section className="pub-disclosure" aria-labelledby="disclosure-heading" data-testid="disclosure">
      <h2 id="disclosure-heading">Funding and interests</h2>
      <p data-testid="funding">
        <span className="pub-strong">Funding:</span> {describeFunding(disclosure.funding)}
      </p>
      <p data-testid="conflicts">
        <span className="pub-strong">Conflicts of interest:</span>{" "}
        {summary === "none declared" ? "none declared." : "see the declarations of "}
        {summary === "see declarations" &&
          disclosure.people.map((p, i) => (
            <span key={`${p.role}-${p.userId}`}>
              {i > 0 ? ", " : ""}
              <Link href={p.profilePath} prefetch={false}>
                {p.name}
              </Link>{" "}
              ({p.role}
              {p.undeclared ? ", no declaration" : p.hasInterests ? ", interests declared" : ", none declared"})
            </span>
          ))}
        {summary === "see declarations" ? "." : null}
      </p>
      {summary === "none declared" && disclosure.people.length > 0 ? (
        <p className="field-hint">
          Declarations of{" "}
          {disclosure.people.map((p, i) => (
            <span key={`${p.role}-${p.userId}`}>
              {i > 0 ? ", " : ""}
              <Link href={p.profilePath} prefetch={false}>
                {p.name}
              </Link>
            </span>
          ))}
          .
        </p>
      ) : null}
      {disclosure.livedExperience ? (
        <p data-testid="lived-experience">Reviewed by people with lived experience of this condition.</p>
      ) : null}
    </section>
  );
}

/** A person's current declaration on their public profile. */
export function ProfileDeclaration({
  declaration,
}: {
  declaration: { kinds: string[]; statement: string; organisations: string[]; declaredAt: string } | null;
}) {
  return (
    <section aria-labelledby="declaration-heading" data-testid="profile-declaration">
      <h2 id="declaration-heading">Declaration of interests</h2>
      {!declaration ? (
        <p>No declaration has been made.</p>
      ) : (
        <>
          <p>
            Declared on {declaration.declaredAt.slice(0, 10)}:{" "}
            <span className="pub-strong">
              {declaration.kinds.length
                ? declaration.kinds.map((k) => k.charAt(0) + k.slice(1).toLowerCase()).join(", ") + " interests"
                : "nothing to declare"}
            </span>
            .
          </p>
          {declaration.statement ? <p>{declaration.statement}</p> : null}
          {declaration.organisations.length ? <p>Organisations: {declaration.organisations.join(", ")}.</p> : null}
        </>
      )}
    </section>
  );
}
