import { useSearchParams } from "../router";

/** A cursor is base64url (A–Z a–z 0–9 - _): a dot separates the cursors of the pages before in the URL. */
const SEP = ".";

/**
 * Forward-only cursor paging (the API's `after`), in the URL (K8): the parameter `name` holds the end cursors of the
 * pages before this one, so a reload or a shared link opens the same page and Previous and Back work. Next and
 * Previous are new history entries; `reset` (back to page 1, say for a new search) replaces the current one.
 */
export function useCursorPages(name = "page"): {
  after: string | null; page: number; param: string;
  next: (endCursor: string | null | undefined) => void; previous: () => void; reset: () => void;
} {
  const [params, update] = useSearchParams();
  const stack = (params.get(name) ?? "").split(SEP).filter((c) => /^[\w-]+$/.test(c));
  return {
    after: stack.length ? stack[stack.length - 1] : null,
    page: stack.length + 1,
    param: name,
    next: (endCursor) => endCursor && update({ [name]: [...stack, endCursor].join(SEP) }),
    previous: () => update({ [name]: stack.slice(0, -1).join(SEP) }),
    reset: () => update({ [name]: null }, true),
  };
}

export function Pager({ label, page, pageSize, shown, total, hasNext, onNext, onPrevious, stale }: {
  label: string; page: number; pageSize: number; shown: number; total: number; hasNext: boolean; onNext: () => void; onPrevious: () => void;
  /** The rows are an earlier page's, kept on screen while the one asked for could not be loaded: no paging from them. */
  stale?: boolean;
}) {
  const from = shown ? (page - 1) * pageSize + 1 : 0;
  return (
    <nav className="pager" aria-label={label}>
      <span aria-live="polite">
        {from.toLocaleString()}–{((page - 1) * pageSize + shown).toLocaleString()} of {total.toLocaleString()}
      </span>
      <button type="button" onClick={onPrevious} disabled={stale || page <= 1}>
        Previous page
      </button>
      <button type="button" onClick={onNext} disabled={stale || !hasNext}>
        Next page
      </button>
    </nav>
  );
}
