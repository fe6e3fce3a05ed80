// npm run users:invite-admin -- <email> [name]
// The first administrator of a real site (no demo data): creates the account with the admin role and no
// password, and prints a one-time link (valid 7 days) where that person chooses their password. Run it again
// for a fresh link while the password is not chosen yet; the older link stops working. Uses DATABASE_URL
// (default ./data/imprimatur.db) and NEXTAUTH_URL for the link's address. The invitation is also queued as
// an e-mail (sent when SMTP is configured) and recorded in the audit log.
import { createDb } from "../lib/db/client";
import { databaseUrl } from "../lib/db/url";
import { inviteAdmin } from "../lib/accounts/invitations";
import { isAppError } from "../lib/errors";
import { loadDotEnv } from "./lib/load-env";

async function main() {
  loadDotEnv(); // AUDIT_HMAC_KEY: the invitation is an audit event
  const [email, ...nameParts] = process.argv.slice(2).filter((a) => a !== "--");
  if (!email || !email.includes("@")) {
    console.error("usage: npm run users:invite-admin -- <email> [name]");
    process.exitCode = 2;
    return;
  }
  const db = createDb(databaseUrl());
  try {
    const { link, created } = await inviteAdmin(db, { email, name: nameParts.join(" ") });
    console.log(created ? `Invited ${email} as an admin.` : `${email} was already invited: here is a new link.`);
    console.log(`Open this link to choose the password (once, within 7 days):\n\n  ${link}\n`);
  } catch (err) {
    if (isAppError(err)) {
      console.error(err.message);
      process.exitCode = 1;
    } else throw err;
  } finally {
    await db.$disconnect();
  }
}

main().catch((err) => {
  console.error("users:invite-admin could not run:", err instanceof Error ? err.message : err);
  process.exitCode = 2;
});
