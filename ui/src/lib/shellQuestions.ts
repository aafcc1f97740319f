/**
 * The shell asks before closing the window or locking by itself (`close-requested`, `lock-requested`): the answer
 * goes back at once when nothing is unsaved; otherwise the unsaved-edits question is shown first ("asking"), then
 * the user's choice is sent. A page that does not answer is not waited for (the shell's `Ask` in `state.rs`); an
 * auto-lock left unanswered for a minute locks anyway.
 */
import * as api from './generated/commands';
import { confirmDiscard, hasUnsavedEdits } from './unsaved.svelte';

export async function answerShell(): Promise<void> {
  try {
    if (!hasUnsavedEdits()) {
      await api.unsavedReply('proceed');
      return;
    }
    await api.unsavedReply('asking');
    const leave = await confirmDiscard();
    await api.unsavedReply(leave ? 'proceed' : 'stay');
  } catch {
    /* the shell goes on by itself when the page cannot answer */
  }
}
