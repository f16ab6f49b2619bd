// Tiny timing helpers for the benchmark scripts: they print figures, they never assert.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
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

/**
 * Runs `script` (a bench file) in a child process with `args` and reads the JSON line it prints
 * last: a case alone in its process, so its peak memory (maxRSS) is its own. A failure comes back
 * as a sentence to print.
 */
export function runChild<T>(script: string, args: string[]): T | string {
  const tsx = resolve(fileURLToPath(import.meta.url), '../../node_modules/tsx/dist/cli.mjs');
  const r = spawnSync(process.execPath, [tsx, script, ...args], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, timeout: 900_000 });
  const line = r.stdout.trim().split('\n').at(-1) ?? '';
  try {
    return JSON.parse(line) as T;
  } catch {
    return `失败（${r.status}）：${(r.stderr || r.stdout).trim().split('\n').slice(-3).join(' ')}`;
  }
}

/** This process's peak resident memory so far, in MB. */
export const peakRssMb = (): number => process.resourceUsage().maxRSS / 1024;
