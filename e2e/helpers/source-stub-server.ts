// Runs the recorded-response stub of the outside registries (tests/helpers/source-stub.ts) for the e2e run:
// playwright.config.ts starts it as a second web server and points the app at it (CROSSREF_API_URL, …).
import { startSourceStub } from "../../tests/helpers/source-stub";
import { E2E_STUB_PORT } from "./env";

startSourceStub(E2E_STUB_PORT)
  .then((s) => console.log(`source stub listening on ${s.url}`))
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });
