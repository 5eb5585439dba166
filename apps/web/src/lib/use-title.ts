import { useEffect } from 'react';

/** The browser tab names the page ("Alerts — Throughline"), so tabs and history entries tell pages apart. */
export function useTitle(...parts: Array<string | null | undefined>) {
  const title = [...parts.filter(Boolean), 'Throughline'].join(' — ');
  useEffect(() => {
    document.title = title;
  }, [title]);
}
