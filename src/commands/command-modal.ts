/** A command's modal: what it built is removed when it closes, so that opening it again starts afresh. */
import { Modal } from 'obsidian';

export class CommandModal extends Modal {
  override onClose(): void {
    this.contentEl.empty();
  }
}
