import { useCallback, useMemo, useState } from 'react';
import type { CustomerProfile } from '../../queries/customers-types.ts';

/**
 * Rows picked in the customer list: some ids, or every customer matching the filter
 * ("select all N"), which the server resolves when the bulk change runs.
 */
export function useListSelection(rows: CustomerProfile[], resetKey: string) {
  const [ids, setIds] = useState<Set<string>>(new Set());
  const [allMatching, setAllMatching] = useState(false);
  const [key, setKey] = useState(resetKey);
  if (key !== resetKey) {
    // Another filter is another set of rows: the selection does not carry over.
    setKey(resetKey);
    setIds(new Set());
    setAllMatching(false);
  }
  const allLoadedSelected = rows.length > 0 && (allMatching || rows.every((r) => ids.has(r.id)));
  const clear = useCallback(() => {
    setIds(new Set());
    setAllMatching(false);
  }, []);
  const toggle = useCallback(
    (id: string) => {
      if (allMatching) {
        setAllMatching(false);
        setIds(new Set(rows.map((r) => r.id).filter((r) => r !== id)));
        return;
      }
      setIds((prev) => {
        const next = new Set(prev);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      });
    },
    [allMatching, rows],
  );
  const toggleLoaded = useCallback(() => {
    if (allLoadedSelected) clear();
    else setIds(new Set(rows.map((r) => r.id)));
  }, [allLoadedSelected, clear, rows]);
  return useMemo(
    () => ({
      ids,
      allMatching,
      count: allMatching ? null : ids.size,
      any: allMatching || ids.size > 0,
      allLoadedSelected,
      isSelected: (id: string) => allMatching || ids.has(id),
      toggle,
      toggleLoaded,
      selectAllMatching: () => setAllMatching(true),
      clear,
    }),
    [ids, allMatching, allLoadedSelected, toggle, toggleLoaded, clear],
  );
}
