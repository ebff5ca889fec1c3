/**
 * A small form in a modal: rows of `Setting`s and a button that submits. The submit handler
 * returns false (or a message) to keep the modal open, so that nothing typed is lost.
 */
import { Notice, Setting, type App } from 'obsidian';
import { CommandModal } from '../command-modal';

export type Submit = () => Promise<true | string>;

export class FormModal extends CommandModal {
  private busy = false;

  constructor(
    app: App,
    private readonly heading: string,
    private readonly build: (el: HTMLElement) => void,
    private readonly submitText: string,
    private readonly submit: Submit,
  ) {
    super(app);
  }

  override onOpen(): void {
    this.setTitle(this.heading);
    this.contentEl.empty();
    this.build(this.contentEl);
    new Setting(this.contentEl).addButton((b) => b.setButtonText(this.submitText).setCta().onClick(() => this.run()));
  }

  /** Runs the submit handler once at a time; a message keeps the form open. */
  async run(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const result = await this.submit();
      if (result === true) this.close();
      else new Notice(result);
    } catch (e) {
      console.error('Action Plan:', e);
      new Notice('The change could not be written; see the developer console.');
    } finally {
      this.busy = false;
    }
  }
}

/** A one-line text row. */
export function textRow(el: HTMLElement, name: string, desc: string, value: string, onChange: (v: string) => void, placeholder = ''): Setting {
  return new Setting(el)
    .setName(name)
    .setDesc(desc)
    .addText((t) => t.setPlaceholder(placeholder).setValue(value).onChange(onChange));
}

/** A multi-line text row. */
export function areaRow(el: HTMLElement, name: string, desc: string, onChange: (v: string) => void): Setting {
  return new Setting(el)
    .setName(name)
    .setDesc(desc)
    .addTextArea((t) => t.onChange(onChange));
}

/** A dropdown row. */
export function choiceRow(el: HTMLElement, name: string, options: Record<string, string>, value: string, onChange: (v: string) => void): Setting {
  return new Setting(el).setName(name).addDropdown((d) => d.addOptions(options).setValue(value).onChange(onChange));
}
