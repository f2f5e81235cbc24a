/**
 * Settings links from elsewhere (`/settings#providers`, `/settings#comfyui`) land on the
 * section they name. Sections that load asynchronously (the provider cards) appear after the
 * first paint, so the element is awaited with a MutationObserver until it exists.
 */
import { useEffect } from 'react';
import { useLocation } from 'react-router';

export function useScrollToHash(): void {
  const { hash } = useLocation();
  useEffect(() => {
    const id = decodeURIComponent(hash.replace(/^#/, ''));
    if (id === '') return undefined;
    const reveal = (): boolean => {
      const target = document.getElementById(id);
      if (target === null) return false;
      // jsdom has no scrollIntoView; the app's Chromium does.
      target.scrollIntoView?.({ block: 'start' });
      return true;
    };
    if (reveal()) return undefined;
    const observer = new MutationObserver(() => {
      if (reveal()) observer.disconnect();
    });
    observer.observe(document.body, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [hash]);
}
