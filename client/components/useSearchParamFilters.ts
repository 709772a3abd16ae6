import { type ChangeEvent, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';

/**
 * List filters kept in the URL's search parameters, so a filtered view can be bookmarked and shared.
 * `filters` holds the non-empty values of `keys`; `search` is the search box's text, written to `q`
 * 300 ms after the person stops typing rather than on every keystroke.
 */
export function useSearchParamFilters<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const filters: Partial<Record<K, string>> = {};
  for (const key of keys) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  const [search, setSearch] = useState(params.get('q') || '');

  /** Sets one parameter, or removes it when `value` is empty, replacing the history entry. */
  const setParam = (key: string, value: string | null) => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  };

  // Search as the person types, without a request per keystroke.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the typed text should trigger this
  useEffect(() => {
    const timer = window.setTimeout(() => {
      if ((params.get('q') ?? '') !== search.trim()) setParam('q', search.trim() || null);
    }, 300);
    return () => window.clearTimeout(timer);
  }, [search]);

  /** `value` and `onChange` for a select bound to `key`; choosing `fallback` removes the parameter. */
  const bindSelect = (key: K, fallback = '') => ({
    value: filters[key] ?? fallback,
    onChange: (event: ChangeEvent<HTMLSelectElement>) =>
      setParam(key, event.target.value === fallback ? null : event.target.value),
  });

  /** Empties the search box and drops every parameter except those in `keep`. */
  const clear = (keep: Record<string, string> = {}) => {
    setSearch('');
    setParams(new URLSearchParams(keep), { replace: true });
  };

  return { params, filters, setParam, search, setSearch, bindSelect, clear };
}
