import type { ReactNode } from 'react';
import { Checkbox } from '../../components/Field.tsx';

/**
 * One setting of the branding form: a heading, an "inherit" checkbox, and either the inherited
 * value (with a swatch for colours) or the field to set this tenant's own value.
 */
export function BrandSection({
  title,
  inherit,
  inheritLabel,
  inheritedValue,
  onInherit,
  children,
}: {
  title: string;
  inherit: boolean;
  inheritLabel: string;
  inheritedValue: string | null;
  onInherit: (inherit: boolean) => void;
  children: ReactNode;
}) {
  return (
    <section className="brand-section" aria-label={title}>
      <div className="row-between">
        <h2 className="brand-section-title">{title}</h2>
        <Checkbox
          label={
            <>
              <span className="visually-hidden">{title}: </span>
              {inheritLabel}
            </>
          }
          checked={inherit}
          onChange={(event) => onInherit(event.target.checked)}
        />
      </div>
      {inherit ? (
        <p className="inherited-value">
          {inheritedValue && /^#[0-9a-f]{6}$/i.test(inheritedValue) ? (
            <span className="swatch" style={{ background: inheritedValue }} aria-hidden />
          ) : null}
          <span className="muted">{inheritedValue}</span>
        </p>
      ) : (
        children
      )}
    </section>
  );
}
