// Starts the demo host once for the whole run on a fresh demo-street ledger and hands its
// address to the tests as DEMO_URL / DEMO_PASSWORD; the returned function stops it (the demo then
// deletes its temp folder).
import { startDemoHost } from './demo-host';

export default async function globalSetup(): Promise<() => Promise<void>> {
  const host = await startDemoHost(process.env.DEMO_ARGS?.split(' ').filter(Boolean) ?? [], 120_000);
  process.env.DEMO_URL = host.url;
  process.env.DEMO_PASSWORD = host.password;
  return host.stop;
}
