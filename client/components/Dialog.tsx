/**
 * A modal built on the native <dialog>: showModal() gives us the focus trap, Escape to close and an
 * inert page behind it for free. Mounted only while open, so forms inside start fresh each time.
 */
import { type ReactNode, useId, useLayoutEffect, useRef } from 'react';
import { FormError } from './Alert.tsx';
import { Button } from './Button.tsx';
import { Icon } from './Icon.tsx';

interface DialogProps {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  children: ReactNode;
  size?: 's' | 'm' | 'l';
  /** Styles the dialog as a sheet that slides up from the bottom on phones (the "More" menu). */
  variant?: 'dialog' | 'sheet';
}

export function Dialog(props: DialogProps) {
  return props.open ? <OpenDialog {...props} /> : null;
}

function OpenDialog({ onClose, title, description, children, size = 'm', variant = 'dialog' }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;
  const titleId = useId();
  const descriptionId = useId();

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    // Start in the first form field rather than on a button, so typing can begin at once.
    dialog.querySelector<HTMLElement>('[data-autofocus], .dialog-body :is(input, select, textarea)')?.focus();
    return () => {
      if (dialog.open) dialog.close();
      // The dialog leaves the DOM when closed, so put focus back where it was ourselves.
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard equivalent is Escape, handled by onCancel
    <dialog
      ref={ref}
      className={`dialog dialog-${size} dialog-variant-${variant}`}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={(event) => {
        event.preventDefault();
        onCloseRef.current();
      }}
      // A pointer click on the backdrop closes, as Escape does for keyboard users (the cancel event).
      onClick={(event) => {
        // A click on the backdrop lands on the <dialog> itself; clicks inside land on its content.
        if (event.target === event.currentTarget) onCloseRef.current();
      }}
    >
      <div className="dialog-inner">
        <header className="dialog-header">
          <h2 id={titleId} className="dialog-title">
            {title}
          </h2>
          {description ? (
            <p id={descriptionId} className="dialog-description">
              {description}
            </p>
          ) : null}
        </header>
        {children}
        {/* Last in tab order (shown top-right): Tab moves through the content first. */}
        <button
          type="button"
          className="icon-button dialog-close"
          onClick={() => onCloseRef.current()}
          aria-label="Close"
        >
          <Icon name="x" size={18} />
        </button>
      </div>
    </dialog>
  );
}

export function DialogBody({ children }: { children: ReactNode }) {
  return <div className="dialog-body">{children}</div>;
}

export function DialogFooter({ children }: { children: ReactNode }) {
  return <div className="dialog-footer">{children}</div>;
}

interface ConfirmDialogProps {
  open: boolean;
  onClose: () => void;
  onConfirm: () => void;
  title: ReactNode;
  children?: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  pending?: boolean;
  error?: string | null;
}

/** "Are you sure?" with the consequence spelled out and the destructive action named on the button. */
export function ConfirmDialog({
  open,
  onClose,
  onConfirm,
  title,
  children,
  confirmLabel,
  danger,
  pending,
  error,
}: ConfirmDialogProps) {
  return (
    <Dialog open={open} onClose={onClose} title={title} size="s">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onConfirm();
        }}
      >
        <DialogBody>
          {children}
          <FormError message={error} />
        </DialogBody>
        <DialogFooter>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant={danger ? 'danger' : 'primary'} pending={pending}>
            {confirmLabel}
          </Button>
        </DialogFooter>
      </form>
    </Dialog>
  );
}
