import { Alert } from '../../components/Alert.tsx';
import { TextField } from '../../components/Field.tsx';
import { contrastRatio, normalizeHex, onColor } from '../../lib/color.ts';

/** A colour field: a native colour picker beside a hex text box, which is what the draft follows. */
export function ColorInput({
  label,
  hint,
  text,
  value,
  error,
  onText,
}: {
  label: string;
  hint: string;
  text: string;
  value: string;
  error?: string;
  onText: (text: string) => void;
}) {
  const invalid = normalizeHex(text) === null;
  return (
    <div className="color-input">
      <input
        type="color"
        className="color-swatch-input"
        aria-label={`${label}: colour picker`}
        value={value}
        onChange={(event) => onText(event.target.value)}
      />
      <TextField
        label={`${label} (hex)`}
        hideLabel
        className="grow"
        value={text}
        spellCheck={false}
        autoCapitalize="off"
        maxLength={7}
        hint={hint}
        error={error ?? (invalid ? 'Use a hex colour such as #4f46e5.' : null)}
        onChange={(event) => onText(event.target.value)}
        onBlur={() => {
          const hex = normalizeHex(text);
          if (hex) onText(hex);
        }}
      />
    </div>
  );
}

/** A warning shown beside the preview when button text on the primary colour is below 4.5:1 contrast. */
export function ContrastNote({ color }: { color: string }) {
  const text = onColor(color);
  const ratio = contrastRatio(color, text);
  if (ratio >= 4.5) return null;
  return (
    <Alert tone="warning" title="Button text may be hard to read">
      Text on this primary colour reaches a contrast of {ratio.toFixed(1)}:1; at least 4.5:1 is needed for
      everyone to read it comfortably. Try a darker or lighter shade.
    </Alert>
  );
}
