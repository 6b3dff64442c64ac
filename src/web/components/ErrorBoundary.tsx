import { Alert, Button, Stack } from '@mantine/core';
import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

function Fallback() {
  const { t } = useTranslation();
  return (
    <Stack maw={560}>
      <Alert color="red" role="alert" title={t('errors.pageFailed')}>
        {t('errors.pageFailedHint')}
      </Alert>
      <Button onClick={() => window.location.reload()} style={{ alignSelf: 'flex-start' }}>
        {t('errors.reload')}
      </Button>
    </Stack>
  );
}

interface ErrorBoundaryProps {
  children: ReactNode;
  /** Changing this (e.g. the pathname) clears a caught error, so navigation recovers. */
  resetKey?: string;
}

/** Keeps a failed page (a chunk that did not load, a render error) from blanking the whole app. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, { failedAt: string | undefined | null }> {
  override state = { failedAt: null as string | undefined | null };

  static getDerivedStateFromError() {
    return { failedAt: undefined };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    this.setState({ failedAt: this.props.resetKey });
    console.error(error, info.componentStack);
  }

  override componentDidUpdate(previous: ErrorBoundaryProps) {
    if (this.state.failedAt !== null && previous.resetKey !== this.props.resetKey) {
      this.setState({ failedAt: null });
    }
  }

  override render() {
    return this.state.failedAt === null ? this.props.children : <Fallback />;
  }
}
