import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  /** When this changes (e.g. the URL), a shown error is cleared and the children get another try. */
  resetKey?: string;
  /** Shown instead of the error page (`null` for background parts that may fail quietly). */
  fallback?: ReactNode;
}

interface State {
  error: Error | null;
  resetKey?: string;
}

/** Catches render errors so one broken page never blanks the whole app. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    if (props.resetKey !== state.resetKey) return { error: null, resetKey: props.resetKey };
    return null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Portal page crashed', error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    if (this.props.fallback !== undefined) return this.props.fallback;
    return <ErrorPage error={this.state.error} />;
  }
}

function isChunkLoadError(error: Error): boolean {
  return /dynamically imported module|Importing a module script failed|Failed to fetch/i.test(error.message);
}

export function ErrorPage({ error }: { error: Error }) {
  const stale = isChunkLoadError(error);
  return (
    <div className="error-page" role="alert">
      <h1>{stale ? 'A new version is available' : 'Something went wrong'}</h1>
      <p className="muted">
        {stale
          ? 'The portal was updated while this page was open. Reload to get the latest version.'
          : 'This page ran into a problem. Reloading usually helps; if it keeps happening, tell your administrator what you were doing.'}
      </p>
      <div className="row">
        <button type="button" className="btn btn-primary btn-m" onClick={() => window.location.reload()}>
          Reload page
        </button>
        <a className="btn btn-secondary btn-m" href="/">
          Go to the dashboard
        </a>
      </div>
    </div>
  );
}
