// Server actions here hand the raw form to lib, which parses it with its own schema (so the rules and the
// messages live in one place); the action() wrapper only needs an object.
import { z } from "zod";

export const formObject = z.record(z.string(), z.unknown());
