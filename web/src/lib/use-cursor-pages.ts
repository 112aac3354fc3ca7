import { useCallback, useState } from 'react';

/**
 * Page-by-page navigation over a cursor-paginated list: remembers the cursor that opened
 * each page seen so far, so "previous" needs no backwards cursor from the server.
 */
export function useCursorPages() {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const pageIndex = cursors.length - 1;
  const cursor = cursors[pageIndex] ?? null;

  const next = useCallback((nextCursor: string | null) => {
    if (nextCursor) setCursors((seen) => [...seen, nextCursor]);
  }, []);
  const previous = useCallback(() => setCursors((seen) => (seen.length > 1 ? seen.slice(0, -1) : seen)), []);
  const reset = useCallback(() => setCursors([null]), []);

  return { cursor, pageIndex, next, previous, reset };
}
