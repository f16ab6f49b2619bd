// Nothing typed is lost without a word: a form or editor with unsaved changes registers here while
// it is dirty. Leaving the page (menu, links, back), locking, closing the window and closing a
// drawer or dialog (Esc, ×, 取消) then ask first.
import { useEffect, useMemo, useRef } from 'react';
import { confirmAction } from './feedback';

const dirty = new Map<number, string>();
let nextId = 1;

/** Whether any form or editor holds unsaved changes. */
export function hasUnsaved(): boolean {
  return dirty.size > 0;
}

async function ask(what: string[]): Promise<boolean> {
  return confirmAction({
    title: '放弃未保存的修改？',
    content: `${what.join('、')}还没有保存，继续将丢失这些修改。`,
    okText: '放弃修改',
    danger: true,
  });
}

/** Before leaving the page or locking: true when nothing is unsaved or the person lets it go. */
export async function confirmLeave(): Promise<boolean> {
  if (!dirty.size) return true;
  const ok = await ask([...new Set(dirty.values())]);
  if (ok) dirty.clear();
  return ok;
}

/**
 * Registers a form or editor while `isDirty`; `what` names it in the question ("新增党员的内容").
 * `close(fn)` runs fn at once when clean, after asking when dirty (a drawer's onClose, Esc, 取消);
 * `saved()` forgets the changes at once (before navigating away after a save).
 */
export function useUnsavedChanges(isDirty: boolean, what: string): { close: (fn: () => void) => void; saved: () => void } {
  const id = useRef(0);
  if (!id.current) id.current = nextId++;
  const state = useRef({ isDirty, what });
  state.current = { isDirty, what };
  useEffect(() => {
    const me = id.current;
    if (isDirty) dirty.set(me, what);
    else dirty.delete(me);
    return () => void dirty.delete(me);
  }, [isDirty, what]);
  return useMemo(() => ({
    close: (fn: () => void) => {
      if (!state.current.isDirty || !dirty.has(id.current)) return fn();
      void ask([state.current.what]).then((ok) => {
        if (!ok) return;
        dirty.delete(id.current);
        fn();
      });
    },
    saved: () => void dirty.delete(id.current),
  }), []);
}

// Closing the window or reloading: the browser (or Electron's main process) asks.
window.addEventListener('beforeunload', (e) => {
  if (!dirty.size) return;
  e.preventDefault();
  e.returnValue = '';
});
