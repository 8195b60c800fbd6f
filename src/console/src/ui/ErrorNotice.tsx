import { describeError } from "../errors";

/** An API error in words, with its code (and request ID) visible for support (K6). */
export function ErrorNotice({ error, title = "That did not work" }: { error: unknown; title?: string }) {
  const p = describeError(error);
  return (
    <div className="notice error" role="alert">
      <p className="notice-title">{title}</p>
      <p>{p.message}</p>
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
