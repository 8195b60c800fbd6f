import { useState } from "react";

/** Forward-only cursor paging (the API's `after`), with the cursors seen kept so Previous works. */
export function useCursorPages(): { after: string | null; page: number; next: (endCursor: string | null | undefined) => void; previous: () => void; reset: () => void } {
  const [stack, setStack] = useState<(string | null)[]>([null]);
  return {
    after: stack[stack.length - 1],
    page: stack.length,
    next: (endCursor) => endCursor && setStack((s) => [...s, endCursor]),
    previous: () => setStack((s) => (s.length > 1 ? s.slice(0, -1) : s)),
    reset: () => setStack([null]),
  };
}

export function Pager({ label, page, pageSize, shown, total, hasNext, onNext, onPrevious }: {
  label: string; page: number; pageSize: number; shown: number; total: number; hasNext: boolean; onNext: () => void; onPrevious: () => void;
}) {
  const from = shown ? (page - 1) * pageSize + 1 : 0;
  return (
    <nav className="pager" aria-label={label}>
      <span aria-live="polite">
        {from.toLocaleString()}–{((page - 1) * pageSize + shown).toLocaleString()} of {total.toLocaleString()}
      </span>
      <button type="button" onClick={onPrevious} disabled={page <= 1}>
        Previous page
      </button>
      <button type="button" onClick={onNext} disabled={!hasNext}>
        Next page
      </button>
    </nav>
  );
}
