// Shared by playwright.config.ts (main process) and the tests (workers): where the e2e server and its
// database are. One database file per port, recreated at the start of each run.
import path from "node:path";

export const E2E_PORT = Number(process.env.E2E_PORT || 3100);
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
export const E2E_DB_FILE = path.resolve(__dirname, "..", ".tmp", `e2e-${E2E_PORT}.db`);
export const E2E_DATABASE_URL = `file:${E2E_DB_FILE}`;
/** The stub standing in for doi.org, Crossref and PubMed (e2e/helpers/source-stub-server.ts): base port + 50. */
export const E2E_STUB_PORT = E2E_PORT + 50;
export const E2E_STUB_URL = `http://127.0.0.1:${E2E_STUB_PORT}`;
/** Uploaded images of the e2e server (MEDIA_DIR), one folder per port, emptied at the start of each run. */
export const E2E_MEDIA_DIR = path.resolve(__dirname, "..", ".tmp", `media-${E2E_PORT}`);
