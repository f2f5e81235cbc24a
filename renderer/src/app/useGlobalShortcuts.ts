import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { MODE_IDS, MODES } from '../../../shared/modes';
import { prefetchStudio, useToasts } from '../stores';
import { editingShortcut, isTypingTarget, shortcutTarget } from './shortcuts';

/** The gallery's search box (GalleryToolbar marks it), when the page shows one. */
export const GALLERY_SEARCH_SELECTOR = 'input[data-shortcut="gallery-search"]';

/** Runs the Undo of the newest toast offering one; false when there is none. */
function undoNewestToast(): boolean {
  const { toasts, dismiss } = useToasts.getState();
  const toast = [...toasts].reverse().find((t) => t.action?.label === 'Undo');
  if (toast?.action === undefined) return false;
  dismiss(toast.id);
  toast.action.run();
  return true;
}

/** Installs the mode, settings, undo and search shortcuts for the window's lifetime. */
export function useGlobalShortcuts(): void {
  const navigate = useNavigate();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.repeat) return;
      const editing = editingShortcut(event, isTypingTarget(document.activeElement));
      if (editing === 'undo') {
        // Inside a modal the toast's Undo is not what the user is looking at.
        if (document.querySelector('dialog[open]') === null && undoNewestToast()) event.preventDefault();
        return;
      }
      if (editing === 'search') {
        const search = document.querySelector<HTMLInputElement>(GALLERY_SEARCH_SELECTOR);
        if (search === null || document.querySelector('dialog[open]') !== null) return;
        event.preventDefault();
        search.focus();
        search.select();
        return;
      }
      const target = shortcutTarget(event);
      if (target === null) return;
      event.preventDefault();
      // A modal form has the user's attention; jumping away would throw its input away.
      if (document.querySelector('dialog[open]') !== null) return;
      const mode = MODE_IDS.find((id) => MODES[id].studioPath === target);
      if (mode !== undefined) prefetchStudio(mode);
      void navigate(target);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [navigate]);
}
