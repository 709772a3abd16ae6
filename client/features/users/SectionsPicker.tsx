import { Checkbox, Fieldset } from '../../components/Field.tsx';
import { sectionLabel } from '../../lib/format.ts';
import { SECTIONS, type Section } from '../../lib/types.ts';

/** Checkboxes for the sections a client user may see. */
export function SectionsPicker({
  value,
  onChange,
  hint,
  disabled,
}: {
  value: Section[];
  onChange: (sections: Section[]) => void;
  hint?: string;
  disabled?: boolean;
}) {
  const toggle = (section: Section, checked: boolean) => {
    const next = checked ? [...value, section] : value.filter((item) => item !== section);
    // Keep the canonical order so the request and the display never depend on click order.
    onChange(SECTIONS.filter((item) => next.includes(item)));
  };
  return (
    <Fieldset legend="Sections they can use" hint={hint}>
      <div className="checkbox-grid">
        {SECTIONS.map((section) => (
          <Checkbox
            key={section}
            label={sectionLabel(section)}
            checked={value.includes(section)}
            disabled={disabled}
            onChange={(event) => toggle(section, event.target.checked)}
          />
        ))}
      </div>
    </Fieldset>
  );
}
