import { ApolloLink } from "@apollo/client";
import { ServerError } from "@apollo/client/errors";
import { Observable, type Subscription } from "rxjs";

/**
 * K8: a request the server throttled (HTTP 429, RATE_LIMITED) waits its `Retry-After` and is sent again on its own,
 * so the page keeps what it shows and the admin does nothing. The server refuses a throttled request before it runs
 * (T2), so sending a mutation again cannot apply it twice.
 */
export const MAX_RETRIES = 3;
/** Longer waits are not hidden from the admin: the error is shown instead. */
export const MAX_WAIT_SECONDS = 60;

type Waiting = { until: number } | null;
let waiting: Waiting = null;
let inFlight = 0;
const listeners = new Set<(w: Waiting) => void>();

/** When the console waits for the server's Retry-After: until when (for a polite notice). */
export function onThrottleWait(cb: (w: Waiting) => void): () => void {
  listeners.add(cb);
  cb(waiting);
  return () => listeners.delete(cb);
}

function setWaiting(delta: number, until?: number): void {
  inFlight = Math.max(0, inFlight + delta);
  waiting = inFlight ? { until: Math.max(until ?? 0, waiting?.until ?? 0) } : null;
  for (const l of listeners) l(waiting);
}

interface Raw {
  extensions?: { code?: unknown; retryAfterSeconds?: unknown };
}

/** The seconds to wait when the answer is a throttling refusal; null for any other answer. */
export function retryAfterOf(answer: { errors?: readonly Raw[] } | unknown): number | null {
  if (ServerError.is(answer)) {
    if (answer.statusCode !== 429) return null;
    const header = Number(answer.response.headers.get("retry-after"));
    if (Number.isFinite(header) && header >= 0) return header;
    try {
      return retryAfterOf(JSON.parse(answer.bodyText)) ?? 1;
    } catch {
      return 1;
    }
  }
  const errors = (answer as { errors?: readonly Raw[] } | null)?.errors;
  const e = errors?.find((x) => x.extensions?.code === "RATE_LIMITED");
  if (!e) return null;
  const s = e.extensions?.retryAfterSeconds;
  return typeof s === "number" && s >= 0 ? s : 1;
}

export class RetryAfterLink extends ApolloLink {
  request(operation: ApolloLink.Operation, forward: ApolloLink.ForwardFunction): Observable<ApolloLink.Result> {
    return new Observable<ApolloLink.Result>((observer) => {
      let attempt = 0;
      let sub: Subscription | undefined;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let retrying = false;
      const again = (seconds: number | null): boolean => {
        if (seconds === null || attempt >= MAX_RETRIES || seconds > MAX_WAIT_SECONDS) return false;
        attempt++;
        retrying = true;
        const ms = Math.max(seconds, 0.25) * 1000;
        setWaiting(1, Date.now() + ms);
        timer = setTimeout(() => {
          timer = undefined;
          setWaiting(-1);
          sub?.unsubscribe();
          run();
        }, ms);
        return true;
      };
      const run = () => {
        retrying = false;
        sub = forward(operation).subscribe({
          next: (result) => {
            if (!again(retryAfterOf(result))) observer.next(result);
          },
          error: (error: unknown) => {
            if (!again(retryAfterOf(error))) observer.error(error);
          },
          complete: () => {
            if (!retrying) observer.complete();
          },
        });
      };
      run();
      return () => {
        if (timer) {
          clearTimeout(timer);
          setWaiting(-1);
        }
        sub?.unsubscribe();
      };
    });
  }
}
