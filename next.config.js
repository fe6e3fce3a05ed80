// @ts-check
// Not enabling `cacheComponents`: its build-time rules (every uncached read inside <Suspense>) fight the
// many session-dependent studio pages; readers' pages are cached explicitly with tags instead.

// Content-Security-Policy and HSTS are set per request by proxy.ts (a nonce for the studio's pages).
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // No ETag on stored pages: Next hashes the whole HTML on every request to make one (~9% of the CPU of serving
  // the article page, bench/article-page.ts). Cache-Control already lets a CDN or browser reuse the page.
  generateEtags: false,
  reactStrictMode: true,
  // isrFlushToDisk false: readers' cached pages and data (app/(public)) live in memory for the life of the server
  // process only. On disk they would outlive the database they came from (a fresh e2e database, a restored
  // backup, a reseeded demo) and be served as if current; publishing expires them by tag either way.
  experimental: { authInterrupts: true, isrFlushToDisk: false },
  // Native modules stay outside the server bundle.
  serverExternalPackages: [
    "better-sqlite3",
    "@node-rs/argon2",
    "@prisma/adapter-better-sqlite3",
    "pg",
    "@prisma/adapter-pg",
  ],
  // /readyz lists the committed migrations of the database in use (lib/db/readiness.ts), which the build's file
  // tracing cannot tell from the code.
  outputFileTracingIncludes: { "/readyz": ["./prisma/migrations/**/*", "./prisma/postgres/migrations/**/*"] },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

module.exports = nextConfig;
