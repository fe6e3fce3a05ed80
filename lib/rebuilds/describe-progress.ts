// How far a rebuild is, in words, for the log and the dashboard.

/** One progress line: "412 of 4,000 sources (10%), 38/s, about 1 min 34 s left". */
export function describeProgress(done: number, total: number, unit: string, elapsedMs: number): string {
  const pct = total ? Math.floor((100 * done) / total) : 100;
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  let line = `${done.toLocaleString("en")} of ${total.toLocaleString("en")} ${unit} (${pct}%)`;
  if (rate > 0) {
    line += `, ${rate >= 10 ? Math.round(rate) : rate.toFixed(1)}/s`;
    const left = Math.round((total - done) / rate);
    if (done < total)
      line += `, about ${left >= 60 ? `${Math.floor(left / 60)} min ${left % 60} s` : `${left} s`} left`;
  }
  return line;
}
