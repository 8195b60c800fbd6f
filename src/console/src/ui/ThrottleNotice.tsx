import { useEffect, useState } from "react";
import { onThrottleWait } from "../throttle";

/** K8: while a throttled request waits for its Retry-After, a quiet line says so; the page stays as it is. */
export function ThrottleNotice() {
  const [until, setUntil] = useState<number | null>(null);
  useEffect(() => onThrottleWait((w) => setUntil(w?.until ?? null)), []);
  const seconds = until ? Math.max(1, Math.ceil((until - Date.now()) / 1000)) : 0;
  return (
    <p role="status" className={until ? "notice warn throttle" : "sr-only"}>
      {until ? `The server asked the console to slow down; it tries again on its own in ${seconds} s.` : ""}
    </p>
  );
}
