import { MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { Component, lazy, Suspense, type ReactNode } from 'react';
import type { ComparePanelProps } from './ComparePanel';
import { loadComparePanel } from './lazy-compare';

const ComparePanel = lazy(() => loadComparePanel().then((module) => ({ default: module.ComparePanel })));

interface BoundaryProps {
  fallback: (message: string) => ReactNode;
  children: ReactNode;
}

/** Shows why the compare view failed (its chunk could not be fetched) instead of taking the pane down with it. */
export class CompareBoundary extends Component<BoundaryProps, { error: string | null }> {
  override state: { error: string | null } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: string } {
    return { error: error instanceof Error ? error.message : String(error) };
  }

  override render(): ReactNode {
    return this.state.error === null ? this.props.children : this.props.fallback(this.state.error);
  }
}

/** Where the pane shows the compare view: loaded on first use, with a spinner meanwhile. */
export function CompareSlot(props: ComparePanelProps) {
  const fallback = (message: string) => (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>{props.t.failed(message)}</MessageBarBody>
    </MessageBar>
  );
  return (
    <CompareBoundary fallback={fallback}>
      <Suspense fallback={<Spinner size="small" label={props.t.compareLoading} />}>
        <ComparePanel {...props} />
      </Suspense>
    </CompareBoundary>
  );
}
