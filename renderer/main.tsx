import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { showError } from './feedback';
import './styles.css';

// The CSP allows <style> elements only with this page's nonce. antd's own styles carry it
// (ConfigProvider csp); a few helpers (rc-util's scrollbar measurement) create bare <style>
// tags, so every <style> this document creates gets the nonce too. Only our own scripts run.
const nonce = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce;
if (nonce) {
  const create = document.createElement.bind(document);
  document.createElement = ((tag: string, options?: ElementCreationOptions) => {
    const el = create(tag, options);
    if (tag.toLowerCase() === 'style') el.setAttribute('nonce', nonce);
    return el;
  }) as typeof document.createElement;
}

// antd's clear buttons (×) are <button>s: each filled field would be two Tab stops, and Space on
// the second one erased the choice. The mouse still clears; the keyboard clears with Backspace.
const CLEAR_BUTTONS = '.ant-select-clear, .ant-input-clear-icon, .ant-picker-clear';
new MutationObserver((records) => {
  for (const r of records) for (const n of r.addedNodes) {
    if (!(n instanceof Element)) continue;
    if (n.matches(CLEAR_BUTTONS)) n.setAttribute('tabindex', '-1');
    for (const b of n.querySelectorAll(CLEAR_BUTTONS)) b.setAttribute('tabindex', '-1');
  }
}).observe(document.body, { childList: true, subtree: true });

// A failed call nobody caught still tells the clerk what happened, in Chinese.
window.addEventListener('unhandledrejection', (e) => {
  e.preventDefault();
  showError(e.reason);
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
