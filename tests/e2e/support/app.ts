// Helpers for every e2e spec: open the demo and unlock it.
import { expect, type Page } from '@playwright/test';

export function demoUrl(): string {
  const url = process.env.DEMO_URL;
  if (!url) throw new Error('DEMO_URL is not set: run through playwright.config.ts (global setup starts the demo).');
  return url;
}

export const demoPassword = (): string => process.env.DEMO_PASSWORD ?? '';

/** Opens the app; unlocks it unless it is already open. Lands on the page `hash` ('#/members'). */
export async function openUnlocked(page: Page, hash = '#/'): Promise<void> {
  await page.goto(demoUrl().replace('/?', `/?`) + hash);
  const password = page.getByLabel('密码', { exact: true });
  const shell = page.getByRole('button', { name: '锁定' });
  await expect(password.or(shell)).toBeVisible();
  if (await password.isVisible()) {
    await password.fill(demoPassword());
    await password.press('Enter');
  }
  await expect(shell).toBeVisible();
}

/** Opens the app at its unlock screen, locking it first if another spec left it open. */
export async function openLocked(page: Page): Promise<void> {
  await page.goto(demoUrl());
  const password = page.getByLabel('密码', { exact: true });
  const lock = page.getByRole('button', { name: '锁定' });
  await expect(password.or(lock)).toBeVisible();
  if (await lock.isVisible()) await lock.click();
  await expect(password).toBeVisible();
}

/** Calls the demo's API from inside the page (same token, same session as the UI). */
export async function api<T>(page: Page, method: string, input: unknown = {}): Promise<T> {
  return page.evaluate(async ([m, body]) => {
    const token = sessionStorage.getItem('ledger-demo-token') ?? '';
    const res = await fetch(`./api/${m}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Ledger-Token': token }, body: JSON.stringify(body) });
    const env = await res.json();
    if (!env.ok) throw new Error(env.error.message);
    return env.value;
  }, [method, input] as const) as Promise<T>;
}
