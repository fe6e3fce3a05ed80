// The editorial policy readers are pointed to from every article. Static text: each statement here is a rule
// the system enforces (lib/), not a promise kept by hand.
import type { Metadata } from "next";
import Link from "next/link";
import { SITE_NAME } from "@/lib/public/site";

export const metadata: Metadata = {
  title: "Editorial policy",
  description: `How ${SITE_NAME} writes, medically reviews, sources and updates its health articles.`,
};

export default function EditorialPolicyPage() {
  return (
    <main id="main" className="pub-main pub-wrap pub-narrow pub-prose" tabIndex={-1}>
      <h1>Editorial policy</h1>
      <p className="pub-summary">
        What you can expect from every article on {SITE_NAME}, and how we make sure each promise on the page is true.
      </p>

      <h2 id="writing">How articles are written</h2>
      <p>
        Articles are written by our writers from reputable sources: peer-reviewed research, clinical guidelines and
        public health bodies. Each statement that relies on a source is marked with a numbered citation that links to
        the reference list at the end of the article, and every reference links to the source itself.
      </p>

      <h2 id="review">Medical review</h2>
      <p>
        Before an article is published, a medical reviewer checks the exact version you will read. Reviewers hold a
        professional credential (such as a medical licence or registration) that our administrators verify, including
        its issuing body and expiry date. A reviewer cannot approve an article they wrote or edited.
      </p>
      <p>
        The line “Medically reviewed by” names the reviewer and the qualifications they held on the day they approved
        the article. If the text changes after approval, the approval no longer counts and the article must be reviewed
        again before the change is published.
      </p>

      <h2 id="sources">Sources and originality</h2>
      <p>
        An article cannot be published while a citation points at a missing reference or a reference has no link. Every
        version is checked for similarity with other articles and with outside sources before publication; we do not
        publish copied text.
      </p>

      <h2 id="dates">Dates on each article</h2>
      <ul>
        <li>
          <strong>Medically reviewed … on</strong>: the day the reviewer approved the version you are reading.
        </li>
        <li>
          <strong>Last modified</strong>: the day that version was published.
        </li>
        <li>
          <strong>First published</strong>: the day the article first appeared.
        </li>
      </ul>
      <p>
        Published articles are scheduled for medical re-review at a regular interval, and are updated when the evidence
        changes.
      </p>

      <h2 id="feedback">Corrections and feedback</h2>
      <p>
        Use “Was this article helpful?” at the end of any article to tell us about inaccurate, outdated or unclear
        content. Each report is tied to the version you read. An article cannot be republished while a report that it is
        inaccurate or outdated is still open.
      </p>

      <h2 id="advice">Not medical advice</h2>
      <p>
        Our articles do not provide medical advice, diagnosis or treatment. Always ask a doctor or another qualified
        health professional about your own health, and call your local emergency number in an emergency.
      </p>

      <p>
        <Link href="/" prefetch={false}>
          Browse all articles
        </Link>
      </p>
    </main>
  );
}
