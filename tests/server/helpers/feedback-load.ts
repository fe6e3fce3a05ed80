// Readers' answers sent to POST /api/feedback by several concurrent clients, each answer marked with a unique
// comment so the test can look for exactly the ones the server acknowledged (2xx). Keeps sending through
// refused connections (a killed server) until told to stop.
export interface FeedbackLoad {
  /** Comments of the answers that got a 2xx. */
  acknowledged: Set<string>;
  /** Requests that got no answer at all (connection refused or reset). */
  failed(): number;
  /** Answers other than 2xx, by status. */
  otherStatuses: Map<number, number>;
  stop(): Promise<void>;
}

export function startFeedbackLoad(options: {
  url: string;
  articleId: string;
  revisionId: string;
  connections: number;
  /** Every n-th answer is an "inaccurate" report, which takes the audited path. */
  blockingEvery?: number;
}): FeedbackLoad {
  const acknowledged = new Set<string>();
  const otherStatuses = new Map<number, number>();
  let failed = 0;
  let stopped = false;
  let sequence = 0;
  const client = async (c: number) => {
    while (!stopped) {
      const n = sequence++;
      const comment = `load-${c}-${n}`;
      const blocking = options.blockingEvery && n % options.blockingEvery === 0;
      try {
        const res = await fetch(`${options.url}/api/feedback`, {
          method: "POST",
          headers: { "content-type": "application/json", accept: "application/json" },
          body: JSON.stringify({
            articleId: options.articleId,
            revisionId: options.revisionId,
            helpful: "no",
            reason: blocking ? "INACCURATE" : "UNCLEAR",
            comment,
          }),
        });
        await res.arrayBuffer();
        if (res.status >= 200 && res.status < 300) acknowledged.add(comment);
        else otherStatuses.set(res.status, (otherStatuses.get(res.status) ?? 0) + 1);
      } catch {
        failed++;
        await new Promise((r) => setTimeout(r, 20));
      }
    }
  };
  const clients = Array.from({ length: options.connections }, (_, c) => client(c));
  return {
    acknowledged,
    otherStatuses,
    failed: () => failed,
    async stop() {
      stopped = true;
      await Promise.all(clients);
    },
  };
}

export async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
