import { initials } from '../lib/format.ts';

const HUES = [210, 250, 280, 320, 10, 30, 160, 190];

function hueFor(seed: string): number {
  let hash = 0;
  for (const char of seed) hash = (hash * 31 + char.charCodeAt(0)) | 0;
  return HUES[Math.abs(hash) % HUES.length]!;
}

/** Initials on a colour derived from the name, so the same person always looks the same. */
export function Avatar({ name, size = 32 }: { name: string; size?: number }) {
  const hue = hueFor(name);
  return (
    <span
      className="avatar"
      aria-hidden
      style={{
        width: size,
        height: size,
        fontSize: Math.round(size * 0.4),
        background: `hsl(${hue} 70% 92%)`,
        color: `hsl(${hue} 60% 28%)`,
      }}
    >
      {initials(name)}
    </span>
  );
}
