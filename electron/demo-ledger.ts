// A fresh ledger for the demo host and the app's 「演示街道」: the demo street when its generator
// is present, otherwise an empty ledger with only the street committee.
import { Ledger } from './ledger/ledger';
import { ensureCommittee } from './ledger/orgs';

type DemoModule = { createDemoStreet?: (path: string, password: string) => Promise<unknown> };

export async function createDemoLedger(path: string, password: string, opts: { empty?: boolean } = {}): Promise<void> {
  if (!opts.empty) {
    // Loaded by name so this file builds before the generator lands (electron/ledger/demo).
    const specifier = './ledger/demo';
    const mod = (await import(/* @vite-ignore */ specifier).catch(() => null)) as DemoModule | null;
    if (mod?.createDemoStreet) {
      const made = await mod.createDemoStreet(path, password);
      if (made && typeof (made as { close?: unknown }).close === 'function') (made as { close: () => void }).close();
      return;
    }
    console.warn('（演示数据生成器尚未就绪，先创建一个空台帐。）');
  }
  const { ledger } = await Ledger.create(path, password, { userName: '演示管理员' });
  try {
    ensureCommittee(ledger);
  } finally {
    ledger.close();
  }
}
