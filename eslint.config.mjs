// ESLint flat config. Prettier owns formatting (printWidth 120); ESLint owns correctness, React's hook
// rules, Next's rules and a hard line-length ceiling for what Prettier cannot wrap. (@eslint/js is not a
// dependency: typescript-eslint's recommended set plus the compiler's own checks cover what it would add.)
import nextPlugin from "@next/eslint-plugin-next";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "node_modules/**",
      ".next/**",
      "lib/generated/**",
      "data/**",
      "e2e/.tmp/**",
      "bench/.tmp/**",
      "test-results/**",
      "playwright-report/**",
      "outbox/**",
      "next-env.d.ts",
      "prisma/migrations/**",
      // Runs inside a checkout of an earlier release, against that release's code (tests/fixtures/upgrade).
      "tests/fixtures/upgrade/*/builder/**",
    ],
  },
  ...tseslint.configs.recommended,
  reactHooks.configs.flat["recommended-latest"],
  nextPlugin.configs["core-web-vitals"],
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
    },
    rules: {
      "max-len": [
        "error",
        {
          code: 120,
          ignoreUrls: true,
          ignoreStrings: true,
          ignoreTemplateLiterals: true,
          ignoreRegExpLiterals: true,
          ignoreComments: false,
          ignorePattern: "^\\s*(//|\\*).*https?://",
        },
      ],
      // Unused names are errors, but a leading underscore marks a deliberately ignored one.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
      // Images are served as variants the media pipeline made at upload (AVIF/WebP/JPEG at fixed widths, from
      // /media/<hash>); next/image's on-request optimiser would redo that work and needs no extra config here.
      "@next/next/no-img-element": "off",
    },
  },
);
