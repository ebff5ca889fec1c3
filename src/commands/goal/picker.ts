/** A list to choose one item from, each shown as a line of text with a smaller detail under it. */
import { SuggestModal, type App } from 'obsidian';

export interface PickerOptions<T> {
  placeholder: string;
  /** The item's line and the smaller detail under it. */
  show: (item: T) => { text: string; detail: string };
  /** The texts a query is looked for in (lower-cased). */
  searchIn: (item: T) => string[];
  then: (item: T) => unknown;
}

export class Picker<T> extends SuggestModal<T> {
  constructor(
    app: App,
    private readonly items: T[],
    private readonly options: PickerOptions<T>,
  ) {
    super(app);
    this.setPlaceholder(options.placeholder);
  }

  getSuggestions(query: string): T[] {
    const q = query.toLowerCase();
    return this.items.filter((item) => this.options.searchIn(item).some((s) => s.toLowerCase().includes(q)));
  }

  renderSuggestion(item: T, el: HTMLElement): void {
    const { text, detail } = this.options.show(item);
    el.createDiv({ text });
    el.createEl('small', { text: detail });
  }

  onChooseSuggestion(item: T): unknown {
    return this.options.then(item);
  }
}
