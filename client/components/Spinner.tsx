/** Loading indicators: a spinner for actions, skeleton blocks for content that is on its way. */

export function Spinner({ size = 16, label }: { size?: number; label?: string }) {
  return (
    <span className="spinner" style={{ width: size, height: size }} role={label ? 'status' : undefined}>
      {label ? <span className="visually-hidden">{label}</span> : null}
    </span>
  );
}

/** A full-area loading state, announced once to screen readers. */
export function PageLoading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="page-loading" role="status">
      <Spinner size={24} />
      <span className="visually-hidden">{label}</span>
    </div>
  );
}

export function Skeleton({
  width,
  height = 16,
  radius,
}: {
  width?: number | string;
  height?: number;
  radius?: number;
}) {
  return (
    <span className="skeleton" style={{ width: width ?? '100%', height, borderRadius: radius }} aria-hidden />
  );
}

/** A few skeleton lines in a card, with one status message for assistive tech. */
export function SkeletonCard({ lines = 3, label = 'Loading…' }: { lines?: number; label?: string }) {
  return (
    <div className="card card-padded" role="status" aria-busy="true">
      <span className="visually-hidden">{label}</span>
      <div className="stack-s">
        <Skeleton width="40%" height={20} />
        {Array.from({ length: lines }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: static placeholder rows never reorder
          <Skeleton key={i} width={`${90 - i * 12}%`} />
        ))}
      </div>
    </div>
  );
}
