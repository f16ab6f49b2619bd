// Small hooks every page may use.
import { useCallback, useEffect, useRef, useState } from 'react';
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
