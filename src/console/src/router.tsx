import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from "react";

/** A few routes need no router library: the path is the state, pushed with the History API. */
const subscribe = (cb: () => void) => {
  addEventListener("popstate", cb);
  return () => removeEventListener("popstate", cb);
};

export function usePath(): string {
  return useSyncExternalStore(subscribe, () => location.pathname + location.search);
}

export function navigate(to: string, replace = false): void {
  if (to === location.pathname + location.search) return;
  history[replace ? "replaceState" : "pushState"](null, "", to);
  dispatchEvent(new PopStateEvent("popstate"));
}

export function Link({ href, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const go = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={go} {...rest} />;
}

/** Reads and writes one query-string parameter (search terms and cursors live in the URL, so Back works). */
export function useQueryParam(name: string): [string, (value: string | null, replace?: boolean) => void] {
  const path = usePath();
  const params = new URLSearchParams(path.includes("?") ? path.slice(path.indexOf("?")) : "");
  const set = (value: string | null, replace = true) => {
    const p = new URLSearchParams(location.search);
    if (value) p.set(name, value);
    else p.delete(name);
    const qs = p.toString();
    navigate(location.pathname + (qs ? `?${qs}` : ""), replace);
  };
  return [params.get(name) ?? "", set];
}

/**
 * K8: the page's state in its query string (paging, search, filters): a reload, a shared link and Back show the same
 * view. `update` changes several parameters in one navigation (null or "" removes one); a new entry unless `replace`.
 */
export function useSearchParams(): [URLSearchParams, (changes: Record<string, string | null | undefined>, replace?: boolean) => void] {
  const path = usePath();
  const params = new URLSearchParams(path.includes("?") ? path.slice(path.indexOf("?")) : "");
  const update = (changes: Record<string, string | null | undefined>, replace = false) => {
    const p = new URLSearchParams(location.search);
    for (const [k, v] of Object.entries(changes)) {
      if (v) p.set(k, v);
      else p.delete(k);
    }
    const qs = p.toString();
    navigate(location.pathname + (qs ? `?${qs}` : ""), replace);
  };
  return [params, update];
}
