import { useEffect, useId, useRef, type ReactNode } from "react";

/**
 * A side panel on the native modal <dialog>: the page behind is inert, Tab stays inside,
 * Escape closes, and focus goes back to what opened it.
 */
export function Flyout({ title, onClose, children, footer, wide }: { title: string; onClose: () => void; children: ReactNode; footer?: ReactNode; wide?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current!;
    const opener = document.activeElement as HTMLElement | null;
    dialog.showModal();
    return () => {
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className={wide ? "flyout wide" : "flyout"}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <div className="flyout-head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="icon" onClick={onClose}>
          Close<span className="sr-only"> {title}</span>
        </button>
      </div>
      <div className="flyout-body">{children}</div>
      {footer ? <div className="flyout-foot">{footer}</div> : null}
    </dialog>
  );
}
