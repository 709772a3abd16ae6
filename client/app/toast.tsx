/**
 * Toasts: short confirmations ("Invitation sent") and background errors. Success and info toasts
 * sit in a polite live region; errors in an assertive one, so they interrupt.
 */
import { createContext, type ReactNode, useCallback, useContext, useMemo, useRef, useState } from 'react';
import { Icon } from '../components/Icon.tsx';

type ToastTone = 'success' | 'info' | 'danger';

interface Toast {
  id: number;
  message: string;
  tone: ToastTone;
}

type ShowToast = (message: string, tone?: ToastTone) => void;

const ToastContext = createContext<ShowToast>(() => {});

/** Shows a toast: `toast('Saved')`, `toast('Could not save', 'danger')`. */
export function useToast(): ShowToast {
  return useContext(ToastContext);
}

const DURATION_MS = 6000;

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => {
    setToasts((current) => current.filter((toast) => toast.id !== id));
  }, []);

  const show = useCallback<ShowToast>(
    (message, tone = 'success') => {
      const id = nextId.current++;
      setToasts((current) => [...current.slice(-3), { id, message, tone }]);
      // Errors stay until dismissed: someone reading slowly must not lose them.
      if (tone !== 'danger') window.setTimeout(() => dismiss(id), DURATION_MS);
    },
    [dismiss],
  );

  const value = useMemo(() => show, [show]);
  const polite = toasts.filter((toast) => toast.tone !== 'danger');
  const assertive = toasts.filter((toast) => toast.tone === 'danger');

  return (
    <ToastContext.Provider value={value}>
      {children}
      <div className="toast-region">
        <div aria-live="polite" className="toast-list">
          {polite.map((toast) => (
            <ToastItem key={toast.id} toast={toast} onDismiss={dismiss} />
          ))}
        </div>
        <div aria-live="assertive" className="toast-list">
          {assertive.map((toast) => (
            <ToastItem key={toast.id} toast={toast} onDismiss={dismiss} />
          ))}
        </div>
      </div>
    </ToastContext.Provider>
  );
}

function ToastItem({ toast, onDismiss }: { toast: Toast; onDismiss: (id: number) => void }) {
  return (
    <div className={`toast toast-${toast.tone}`}>
      <Icon name={toast.tone === 'danger' ? 'alert' : 'check'} size={18} className="toast-icon" />
      <p className="toast-message">{toast.message}</p>
      <button type="button" className="icon-button" onClick={() => onDismiss(toast.id)} aria-label="Dismiss">
        <Icon name="x" size={16} />
      </button>
    </div>
  );
}
