import type { ReactNode } from 'react';
import { Icon, type IconName } from './Icon.tsx';

export type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

const TONE_ICON: Record<Tone, IconName> = {
  neutral: 'alert',
  info: 'alert',
  success: 'check',
  warning: 'alert',
  danger: 'alert',
};

/** An inline message box. Use `FormError` for errors that must be announced. */
export function Alert({
  tone = 'info',
  title,
  children,
}: {
  tone?: Tone;
  title?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <div className={`alert alert-${tone}`}>
      <Icon name={TONE_ICON[tone]} size={18} className="alert-icon" />
      <div className="alert-body">
        {title ? <p className="alert-title">{title}</p> : null}
        {children ? <div>{children}</div> : null}
      </div>
    </div>
  );
}

/**
 * The error summary of a form. The live region is always rendered (empty when there is no error),
 * so screen readers announce the message when it appears.
 */
export function FormError({ message }: { message: string | null | undefined }) {
  return (
    <div role="alert" aria-live="assertive" className="form-error-region">
      {message ? (
        <div className="alert alert-danger">
          <Icon name="alert" size={18} className="alert-icon" />
          <div className="alert-body">{message}</div>
        </div>
      ) : null}
    </div>
  );
}
