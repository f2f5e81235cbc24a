import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { shortcutTarget } from './shortcuts';

/** Installs the mode and settings shortcuts for the window's lifetime. */
export function useGlobalShortcuts(): void {
  const navigate = useNavigate();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.repeat) return;
      const target = shortcutTarget(event);
      if (target === null) return;
      event.preventDefault();
      // A modal form has the user's attention; jumping away would throw its input away.
      if (document.querySelector('dialog[open]') !== null) return;
      void navigate(target);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [navigate]);
}
