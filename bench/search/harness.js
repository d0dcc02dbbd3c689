// Shared by ocop.html and pagefind.html, after each has opened its engine, answered
// the query and loaded what the first 20 results show: time the query alone, now
// that everything it needs is loaded, as the mean of 30 runs (one run is below the
// browser's timer resolution), and post the findings to measure.mjs.
export async function report(started, results, top, query) {
  const first = performance.now() - started;
  const runs = 30;
  const timed = performance.now();
  for (let i = 0; i < runs; i++) await query();
  const queryMs = (performance.now() - timed) / runs;
  await fetch('/_bench/result', {
    method: 'POST',
    body: JSON.stringify({ results, top, first_ms: first, query_ms: queryMs }),
  });
}
