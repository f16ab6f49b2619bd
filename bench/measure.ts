// Tiny timing helpers for the benchmark scripts: they print figures, they never assert.
import { performance } from 'node:perf_hooks';

export async function timeOnce<T>(fn: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

/** Median of n runs (after one warm-up run), in milliseconds. */
export async function median(n: number, fn: () => unknown): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < n; i++) times.push((await timeOnce(fn)).ms);
  times.sort((a, b) => a - b);
  return times[Math.floor(n / 2)]!;
}

export function fmtMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`;
}

export function row(label: string, value: string): void {
  process.stdout.write(`  ${label.padEnd(48)} ${value}\n`);
}
