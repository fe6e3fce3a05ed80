// The running release's version: package.json's "version" (semver; CHANGELOG.md says what each one changed).
import packageJson from "../../package.json";

export const APP_VERSION: string = packageJson.version;
