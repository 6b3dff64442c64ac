import { useEffect } from 'react';

/** Sets the document title for the current page (null: leave it to someone else). */
export function usePageTitle(title: string | null): void {
  useEffect(() => {
    if (title !== null) document.title = `${title} · Confidant`;
  }, [title]);
}
