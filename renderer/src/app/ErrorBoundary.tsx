/**
 * The last line of defence: a render crash outside any route (the router itself, the
 * layout) shows this instead of a blank window. Route pages have their own, lighter
 * boundary (`RouteError`) that keeps the sidebar usable.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  readonly error: Error | null;
}

export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('WokGen Studio: the interface crashed', error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (error === null) return this.props.children;
    return (
      <div className="fullscreen-message" role="alert">
        <h1>Something went wrong in the studio</h1>
        <p>The interface hit an unexpected error. Your workspaces and files are safe on disk.</p>
        <pre className="error-detail">{error.message}</pre>
        <div className="fullscreen-actions">
          <button type="button" className="btn btn-secondary btn-md" onClick={() => this.setState({ error: null })}>
            Try again
          </button>
          <button type="button" className="btn btn-primary btn-md" onClick={() => window.location.reload()}>
            Reload the window
          </button>
        </div>
      </div>
    );
  }
}
