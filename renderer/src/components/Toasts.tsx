/**
 * The notification stack (bottom right). A polite live region announces new toasts; errors
 * stay longer, and a toast under the pointer or focus does not time out.
 */
import { useEffect, useState } from 'react';
import { useToasts } from '../stores';
import { toastDuration, type Toast } from '../stores/toasts';
import { Icon, type IconName } from './Icon';

const ICONS: Record<Toast['tone'], IconName> = { info: 'info', success: 'check', error: 'warning' };

export function Toasts() {
  const toasts = useToasts((s) => s.toasts);
  return (
    <section className="toasts" aria-label="Notifications">
      <ol className="toast-list" aria-live="polite" aria-relevant="additions text">
        {toasts.map((toast) => (
          <ToastItem key={toast.id} toast={toast} />
        ))}
      </ol>
    </section>
  );
}

function ToastItem({ toast }: { toast: Toast }) {
  const dismiss = useToasts((s) => s.dismiss);
  const [held, setHeld] = useState(false);

  useEffect(() => {
    if (held) return undefined;
    const timer = window.setTimeout(() => dismiss(toast.id), toastDuration(toast.tone, toast.action !== undefined));
    return () => window.clearTimeout(timer);
  }, [held, dismiss, toast.id, toast.tone, toast.action]);

  return (
    <li
      className={`toast toast-${toast.tone}`}
      onPointerEnter={() => setHeld(true)}
      onPointerLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
    >
      <Icon name={ICONS[toast.tone]} className="toast-icon" />
      <div className="toast-text">
        {toast.title !== undefined && <p className="toast-title">{toast.title}</p>}
        <p className="toast-message">{toast.message}</p>
      </div>
      {toast.action !== undefined && (
        <button
          type="button"
          className="toast-action"
          onClick={() => {
            dismiss(toast.id);
            toast.action?.run();
          }}
        >
          {toast.action.label}
        </button>
      )}
      <button type="button" className="toast-dismiss" aria-label="Dismiss notification" onClick={() => dismiss(toast.id)}>
        <Icon name="close" size={12} />
      </button>
    </li>
  );
}
