import { ApiError } from '../lib/api.ts';
import { describeError } from '../lib/errors.ts';
import { Button, ButtonLink } from './Button.tsx';
import { Icon } from './Icon.tsx';

/** What a page shows when its data could not be loaded: a readable reason and a way forward. */
export function ErrorState({
  error,
  onRetry,
  title,
}: {
  error: unknown;
  onRetry?: () => void;
  title?: string;
}) {
  const notFound = error instanceof ApiError && (error.status === 404 || error.status === 403);
  return (
    <div className="empty-state" role="alert">
      <span className="empty-state-icon empty-state-icon-danger">
        <Icon name="alert" size={24} />
      </span>
      <p className="empty-state-title">{title ?? (notFound ? 'Not available' : 'This couldn’t be loaded')}</p>
      <p className="empty-state-body">{describeError(error)}</p>
      <div className="empty-state-action row">
        {onRetry && !notFound ? (
          <Button icon="refresh" onClick={onRetry}>
            Try again
          </Button>
        ) : null}
        {notFound ? <ButtonLink to="/">Go to the dashboard</ButtonLink> : null}
      </div>
    </div>
  );
}
