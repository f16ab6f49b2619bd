// Small hooks every page may use.
import type { FormInstance } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from './api';
import { showError } from './feedback';

/** Loads whenever `deps` change; keeps the last value while reloading; failures are shown in Chinese. */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): { data: T | undefined; loading: boolean; reload: () => void } {
  const [data, setData] = useState<T>();
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const seq = useRef(0);
  useEffect(() => {
    const mine = ++seq.current;
    setLoading(true);
    load()
      .then((v) => mine === seq.current && setData(v))
      .catch((e) => mine === seq.current && showError(e))
      .finally(() => mine === seq.current && setLoading(false));
    // oxlint-disable-next-line react/exhaustive-deps -- the caller's deps, spread: the rule cannot see them
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, loading, reload };
}

type NamePath = (string | number)[];
const namePath = (path: string): NamePath => path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));

/**
 * Shows a failed call's field errors under the fields of `form` they name — a zod path from the
 * input check or a service's `details.field` ("idNumber", "roles.0.personName"; "member.idNumber"
 * also finds a form's "idNumber") — and scrolls to the first. False when none is on this form.
 */
export function showFieldErrors(form: FormInstance, e: unknown): boolean {
  if (!(e instanceof ApiError)) return false;
  const values = form.getFieldsValue(true) as Record<string, unknown>;
  const onForm = (name: NamePath) => form.getFieldInstance(name) !== undefined || (name.length === 1 && String(name[0]) in values);
  const found: { name: NamePath; errors: string[] }[] = [];
  for (const [path, message] of Object.entries(e.fieldErrors)) {
    const full = namePath(path);
    const name = [full, full.slice(1)].find((n) => n.length > 0 && onForm(n));
    if (name) found.push({ name, errors: [message] });
  }
  if (!found.length) return false;
  form.setFields(found);
  form.scrollToField(found[0]!.name);
  return true;
}

/**
 * The modal form routine, written once: validate → busy → `action(values)`; a refusal that names
 * a field of the form is shown under it, any other failure as a message. `action` shows its own
 * success and closes the dialog; it may ask for a confirmation first and simply return.
 */
export function useSubmit<V>(form: FormInstance<V>, action: (values: V) => Promise<unknown>): { submit: () => Promise<void>; busy: boolean } {
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    let values: V;
    try {
      values = await form.validateFields();
    } catch {
      return; // antd shows what is missing on the fields
    }
    setBusy(true);
    try {
      await action(values);
    } catch (e) {
      if (!showFieldErrors(form as FormInstance, e)) showError(e);
    } finally {
      setBusy(false);
    }
  };
  return { submit, busy };
}
