/** Labelled form controls. Every control has a visible label, its hint and error are linked by id. */
import {
  type InputHTMLAttributes,
  type ReactNode,
  type Ref,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from 'react';

interface FieldBase {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  /** Shows "(optional)" after the label; required fields carry no marker, optional ones say so. */
  optional?: boolean;
  /** Hides the label visually but keeps it for assistive tech (e.g. a search box with a placeholder). */
  hideLabel?: boolean;
  className?: string;
}

function useFieldIds(hint: ReactNode, error: string | null | undefined) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return { id, hintId, errorId, describedBy };
}

function FieldShell({
  id,
  label,
  hint,
  hintId,
  error,
  errorId,
  optional,
  hideLabel,
  className,
  children,
}: FieldBase & { id: string; hintId?: string; errorId?: string; children: ReactNode }) {
  return (
    <div className={['field', error ? 'field-invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : 'field-label'}>
        {label}
        {optional ? <span className="field-optional"> (optional)</span> : null}
      </label>
      {children}
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

type TextFieldProps = FieldBase &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'className'> & { ref?: Ref<HTMLInputElement> };

export function TextField({
  label,
  hint,
  error,
  optional,
  hideLabel,
  className,
  id: _id,
  ...input
}: TextFieldProps) {
  const ids = useFieldIds(hint, error);
  return (
    <FieldShell {...{ label, hint, error, optional, hideLabel, className }} {...ids}>
      <input
        id={ids.id}
        className="input"
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
        {...input}
      />
    </FieldShell>
  );
}

type TextAreaFieldProps = FieldBase & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'className'>;

export function TextAreaField({
  label,
  hint,
  error,
  optional,
  hideLabel,
  className,
  ...input
}: TextAreaFieldProps) {
  const ids = useFieldIds(hint, error);
  return (
    <FieldShell {...{ label, hint, error, optional, hideLabel, className }} {...ids}>
      <textarea
        id={ids.id}
        className="input textarea"
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
        {...input}
      />
    </FieldShell>
  );
}

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

type SelectFieldProps = FieldBase &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'className'> & { options: readonly SelectOption[] };

export function SelectField({
  label,
  hint,
  error,
  optional,
  hideLabel,
  className,
  options,
  ...select
}: SelectFieldProps) {
  const ids = useFieldIds(hint, error);
  return (
    <FieldShell {...{ label, hint, error, optional, hideLabel, className }} {...ids}>
      <select
        id={ids.id}
        className="input select"
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
        {...select}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

type CheckboxProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'className'> & {
  label: ReactNode;
  hint?: ReactNode;
};

/** A checkbox with its label to the right; the whole row is the click target. */
export function Checkbox({ label, hint, ...input }: CheckboxProps) {
  const id = useId();
  return (
    <div className="checkbox">
      <input id={id} type="checkbox" aria-describedby={hint ? `${id}-hint` : undefined} {...input} />
      <label htmlFor={id}>
        <span>{label}</span>
        {hint ? (
          <span id={`${id}-hint`} className="field-hint">
            {hint}
          </span>
        ) : null}
      </label>
    </div>
  );
}

/** A group of checkboxes (or radios) with a visible legend. */
export function Fieldset({
  legend,
  hint,
  error,
  children,
}: {
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <fieldset className="fieldset" aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend className="field-label">{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {children}
      {error ? <p className="field-error">{error}</p> : null}
    </fieldset>
  );
}
