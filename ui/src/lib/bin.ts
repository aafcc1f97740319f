/**
 * Deleting moves a record to the bin (the core keeps it, encrypted, with its contacts, photos and history). The
 * confirmation toast carries "Annuler", which restores the entry at once; the bin screen restores it later.
 */
import * as api from './generated/commands';
import type { DeletableKind } from './generated/index';
import { t } from './i18n.svelte';
import { showError, showSuccess } from './toasts.svelte';

/**
 * Deletes `id` into the bin and confirms with `message` and an "Annuler" button; `onUndone` runs after the undo
 * brought the record back (e.g. to show it again). Rejects as `recordDelete` does (nothing deleted).
 */
export async function deleteToBin(
  kind: DeletableKind,
  id: string,
  message: string,
  onUndone?: () => void | Promise<void>,
): Promise<number> {
  const entry = await api.recordDelete(kind, id);
  showSuccess(message, {
    label: t('bin-undo'),
    run: async () => {
      try {
        const back = await api.binRestore(entry);
        showSuccess(t('bin-restored', { value: back.label }));
        await onUndone?.();
      } catch (e) {
        showError(e);
      }
    },
  });
  return entry;
}
