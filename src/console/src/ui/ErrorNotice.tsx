import { describeError } from "../errors";

/** An API error in words, with its code (and request ID) visible for support (K6). */
export function ErrorNotice({ error, title = "That did not work", words }: { error: unknown; title?: string; words?: Partial<Record<string, string>> }) {
  const p = describeError(error);
  // A page may say more about a code in its own context (the order being placed, the subscription being changed).
  const message = words?.[p.code] ?? p.message;
  return (
    <div className="notice error" role="alert">
      <p className="notice-title">{title}</p>
      <p>{message}</p>
      <p className="code">
        Error code: <code>{p.code}</code>
        {p.requestId ? (
          <>
            {" "}· Request ID: <code>{p.requestId}</code>
          </>
        ) : null}
      </p>
    </div>
  );
}
