import type { ReactNode } from 'react';
import type { Tone } from './Alert.tsx';

export function Badge({ tone = 'neutral', children }: { tone?: Tone | 'brand'; children: ReactNode }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}

/** The badge for a user's status: active, invited or deactivated. */
export function StatusBadge({ status, label }: { status: string; label: string }) {
  const tone = status === 'active' ? 'success' : status === 'invited' ? 'info' : 'neutral';
  return <Badge tone={tone}>{label}</Badge>;
}
