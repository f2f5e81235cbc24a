/**
 * A modal dialog on the native `<dialog>`: `showModal()` makes the rest of the window
 * inert (the focus trap), Esc fires `cancel`, and the top layer needs no z-index games.
 * Render it only while open; unmounting closes it and gives focus back to the opener.
 */
import { useId, useLayoutEffect, useRef, type ReactNode } from 'react';
import { Icon } from './Icon';

export interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** While false (e.g. a request is running), Esc and the close button do nothing. */
  dismissible?: boolean;
  size?: 'sm' | 'md' | 'lg';
  /** Extra class for a variant (e.g. the job details drawer docked to the right). */
  className?: string;
}

export function Dialog({ title, onClose, children, dismissible = true, size = 'md', className }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (dialog === null) return undefined;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    // showModal focuses the first focusable element (the close button); the form's
    // first field is where the user wants to be.
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      if (dialog.open) dialog.close();
      if (opener?.isConnected === true) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={className === undefined ? `dialog dialog-${size}` : `dialog dialog-${size} ${className}`}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (dismissible) onClose();
      }}
      onClose={(event) => {
        // Only a close the browser did on its own (e.g. Esc without a cancel event) matters;
        // a dialog that is open again (StrictMode re-running the effect) is not closed.
        if (!event.currentTarget.open) onClose();
      }}
    >
      <div className="dialog-header">
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        <button type="button" className="dialog-close" aria-label="Close" onClick={onClose} disabled={!dismissible}>
          <Icon name="close" size={14} />
        </button>
      </div>
      {children}
    </dialog>
  );
}

/** The standard body + footer layout inside a dialog's form. */
export function DialogBody({ children }: { children: ReactNode }) {
  return <div className="dialog-body">{children}</div>;
}

export function DialogFooter({ children }: { children: ReactNode }) {
  return <div className="dialog-footer">{children}</div>;
}
