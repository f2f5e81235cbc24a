import { useEffect } from 'react';
import { useSettings } from '../stores';

/**
 * Mirrors theme and motion preferences onto `<html>` so the whole document, dialogs'
 * backdrops and scrollbars included, follows them.
 */
export function useDocumentPreferences(): void {
  const theme = useSettings((s) => s.settings.theme);
  const reduceMotion = useSettings((s) => s.settings.reduceMotion);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  useEffect(() => {
    document.documentElement.dataset.reduceMotion = String(reduceMotion);
  }, [reduceMotion]);
}
