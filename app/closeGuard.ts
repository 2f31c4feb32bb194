/**
 * Closing or quitting with unsaved changes asks first. The page already refuses to unload while
 * its document is dirty (boot.ts's beforeunload); Electron turns that refusal into
 * 'will-prevent-unload' (app/window.ts), where main asks this question: LEAVE_BUTTON lets it go.
 */
import type { MessageBoxSyncOptions } from 'electron';

export const LEAVE_BUTTON = 0;

export function unsavedChangesQuestion(title: string): MessageBoxSyncOptions {
  return {
    type: 'warning',
    buttons: ['Close without saving', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
    title: 'Unsaved changes',
    message: `"${title || 'Untitled'}" has unsaved changes.`,
    detail: 'Close anyway? The last state is kept for recovery, but the file on disk is not updated. Choose Cancel, then Save (Ctrl+S), to keep it.',
  };
}

