// The demo seed creates accounts whose passwords are published in the README. It must never run against a
// real site by accident: with NODE_ENV=production it refuses unless asked explicitly (`--allow-production`
// or IMPRIMATUR_ALLOW_DEMO_SEED=1), e.g. for a public demo instance.

export const ALLOW_FLAG = "--allow-production";
export const ALLOW_ENV = "IMPRIMATUR_ALLOW_DEMO_SEED";

/** The refusal message, or null when the demo seed may run. */
export function demoSeedRefusal(env: Partial<NodeJS.ProcessEnv>, argv: readonly string[]): string | null {
  if (env.NODE_ENV !== "production") return null;
  if (argv.includes(ALLOW_FLAG) || env[ALLOW_ENV] === "1") return null;
  return [
    "Refusing to seed demo data: NODE_ENV is production.",
    "The demo accounts' passwords are published; a real site must not have them.",
    "Create the first admin of a real site with the first-admin command instead (see the README).",
    `For a public demo instance, run it explicitly: npm run db:seed -- ${ALLOW_FLAG} (or ${ALLOW_ENV}=1).`,
  ].join("\n");
}
