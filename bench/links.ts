// Link-check throughput: npm run bench:links [-- --urls 300 --concurrency 8]
// Starts the local stub (tests/helpers/source-stub.ts) on loopback and checks a deterministic mix of URLs
// through the real checker (lib/sources/check-sources.ts: timeouts, redirects with a cap, 404/410/5xx):
// 50 % answer at once, 15 % answer after 250 ms, 5 % after 3 s (past the 1 s timeout), 10 % are 404,
// 5 % 410, 10 % redirect three times, 5 % redirect forever. Prints URLs/s with bounded concurrency and,
// in the same run, one at a time (the baseline), and the result counts.
import { checkLinks } from "../lib/sources/check-sources";
import { startSourceStub } from "../tests/helpers/source-stub";

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

async function main() {
  const total = arg("urls", 300);
  const concurrency = arg("concurrency", 8);
  const stub = await startSourceStub();
  const mix: Array<[number, string]> = [
    [0.5, "ok"],
    [0.15, "slow?ms=250"],
    [0.05, "slow?ms=3000"],
    [0.1, "missing"],
    [0.05, "gone"],
    [0.1, "redirect/3"],
    [0.05, "loop"],
  ];
  const urls: string[] = [];
  for (const [share, path] of mix)
    for (let i = 0; i < Math.round(share * total); i++)
      urls.push(`${stub.url}/links/${path}${path.includes("?") ? "&" : "?"}n=${i}`);
  const run = async (c: number) => {
    const t0 = performance.now();
    const results = await checkLinks(urls, { concurrency: c, timeoutMs: 1_000, allowPrivate: true });
    return { ms: performance.now() - t0, results };
  };
  await run(concurrency); // warm-up
  const bounded = await run(concurrency);
  const serialSample = urls.filter((_, i) => i % 5 === 0);
  const t0 = performance.now();
  await checkLinks(serialSample, { concurrency: 1, timeoutMs: 1_000, allowPrivate: true });
  const serialMs = ((performance.now() - t0) * urls.length) / serialSample.length;
  const count = (s: string) => bounded.results.filter((r) => r.status === s).length;
  const rate = (ms: number) => (urls.length / ms) * 1000;
  console.log(`Link check of ${urls.length} URLs on a local stub (timeout 1 s, at most 5 redirects):`);
  console.log(
    `  concurrency ${concurrency}: ${(bounded.ms / 1000).toFixed(2)} s = ${rate(bounded.ms).toFixed(0)} URLs/s; results: ${count("OK")} ok, ${count("BROKEN")} broken (404/410/timeouts/redirect loops)`,
  );
  console.log(
    `  one at a time (baseline, every 5th URL timed and scaled): ${(serialMs / 1000).toFixed(2)} s = ${rate(serialMs).toFixed(0)} URLs/s; bounded concurrency is ${(serialMs / bounded.ms).toFixed(1)}× faster`,
  );
  await stub.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
