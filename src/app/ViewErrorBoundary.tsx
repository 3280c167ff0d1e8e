/**
 * One per screen: an error while showing a screen (a failed download, a bug, a shape of data
 * nobody expected) gives a plain message and a way to try again, never a blank page; the rest
 * of the app (header, navigation, other screens) keeps working.
 */
import { Component, type ReactNode } from 'react';
import { resetLazyViews } from './lazy-view';

interface Props {
  /** What the screen is, for the message ("the rules"). */
  what: string;
  children: ReactNode;
}

export class ViewErrorBoundary extends Component<Props, { error: Error | undefined }> {
  override state = { error: undefined as Error | undefined };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown) {
    // Kept in the console for whoever supports the app; the page says it in words.
    console.error(error);
  }

  private retry = () => {
    resetLazyViews();
    this.setState({ error: undefined });
  };

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div role="alert" className="error">
        <h2>Something went wrong showing {this.props.what}</h2>
        <p>{error.message}</p>
        <p>
          <button type="button" onClick={this.retry}>
            Try again
          </button>{' '}
          <button type="button" className="secondary" onClick={() => location.reload()}>
            Reload the app
          </button>
        </p>
        <p className="muted">
          Your data and saved rule sets are kept in this browser and are not affected.
        </p>
      </div>
    );
  }
}
