/** A duration in ms as people read it: µs below a millisecond, ms above, s past ten seconds. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  const a = Math.abs(ms);
  if (a < 1) return `${Math.round(ms * 1000)} µs`;
  if (a < 10) return `${ms.toFixed(2)} ms`;
  if (a < 10_000) return `${ms.toFixed(1)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}
