import { Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { usePageTitle } from './usePageTitle';

interface PageHeadingProps {
  children: string;
  /** Sets `document.title` too (default true). */
  title?: boolean;
}

/** The page's h1; it takes focus on mount so screen-reader users hear where a navigation landed. */
export function PageHeading({ children, title = true }: PageHeadingProps) {
  const ref = useRef<HTMLHeadingElement>(null);
  usePageTitle(title ? children : null);
  useEffect(() => {
    // Only move focus when the document already has it on something else (not on first load).
    if (document.activeElement && document.activeElement !== document.body) ref.current?.focus();
  }, []);
  return (
    <Title order={1} size="h2" ref={ref} tabIndex={-1} mb="md">
      {children}
    </Title>
  );
}
