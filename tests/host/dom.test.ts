/**
 * @jest-environment jsdom
 */
/** Obsidian's DOM helpers under jsdom, and the host's widgets built on real elements. */
import { setIcon, type App } from 'obsidian';
import { Modal, Setting, createTestApp, type TextComponent } from '.';

describe('DOM helpers', () => {
  it('createEl takes Obsidian options and appends to its parent', () => {
    const root = createDiv({ cls: 'root' });
    const a = root.createEl('a', { cls: ['x', 'y z'], text: 'go', attr: { 'data-n': 3, hidden: null }, title: 'T', href: '#h' });
    const input = root.createEl('input', { type: 'text', value: 'v', placeholder: 'p' });
    const first = root.createSpan({ text: 'first', prepend: true });
    expect(root.firstChild).toBe(first);
    expect(a.className).toBe('x y z');
    expect(a.getAttr('data-n')).toBe('3');
    expect(a.title).toBe('T');
    expect(a.getAttribute('href')).toBe('#h');
    expect(input.value).toBe('v');
    expect(input.getAttribute('placeholder')).toBe('p');
    expect(root.findAll('.x')).toEqual([a]);
    expect(root.find('input')).toBe(input);
    let seen: HTMLElement | null = null;
    const div = root.createDiv('one two', (el) => (seen = el));
    expect(seen).toBe(div);
    expect(div.hasClass('two')).toBe(true);
  });

  it('empty, setText, classes, attributes, CSS properties, detach', () => {
    const el = createDiv();
    el.createSpan({ text: 'a' });
    el.empty();
    expect(el.childNodes.length).toBe(0);
    el.setText('hello');
    expect(el.getText()).toBe('hello');
    el.addClass('a', 'b');
    el.removeClass('a');
    el.toggleClass('c', true);
    el.toggleClass(['b'], false);
    expect(el.className).toBe('c');
    el.setAttrs({ 'data-state': 'done', role: 'button' });
    el.setAttr('role', null);
    expect(el.getAttribute('role')).toBeNull();
    el.setCssProps({ '--action-plan-percent': '40%' });
    expect(el.style.getPropertyValue('--action-plan-percent')).toBe('40%');
    el.setCssStyles({ display: 'none' });
    expect(el.style.display).toBe('none');
    const parent = createDiv();
    parent.appendChild(el);
    el.detach();
    expect(parent.childNodes.length).toBe(0);
    expect(el.instanceOf(HTMLDivElement)).toBe(true);
    expect(activeDocument).toBe(document);
    expect(activeWindow).toBe(window);
  });

  it('createSvg, fragments and onClickEvent', () => {
    const el = createDiv();
    const svg = el.createSvg('svg', { cls: 'action-plan-burnup', attr: { viewBox: '0 0 10 10' } });
    svg.createSvg('path', { attr: { d: 'M0 0L10 10' } });
    expect(svg.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(el.find('path')?.getAttribute('d')).toBe('M0 0L10 10');
    const frag = createFragment((f) => f.createEl('b', { text: 'bold' }));
    el.setText(frag);
    expect(el.innerHTML).toBe('<b>bold</b>');
    let clicks = 0;
    el.onClickEvent(() => clicks++);
    el.click();
    expect(clicks).toBe(1);
    setIcon(el, 'target');
    expect(el.find('svg.lucide-target')).not.toBeNull();
  });
});

describe('host widgets on real elements', () => {
  it('Setting rows react to DOM input like the person typing', async () => {
    const container = createDiv();
    const changes: string[] = [];
    new Setting(container).setName('Help tag').setDesc('Tag of steps that need help.').addText((t) => t.setValue('#help').onChange((v) => changes.push(v)));
    const input = container.find('input') as HTMLInputElement;
    expect(input.value).toBe('#help');
    input.value = '#ask';
    input.dispatchEvent(new Event('input'));
    expect(changes).toEqual(['#ask']);
    await Setting.named('Help tag').control<TextComponent>('text').input('#x');
    expect(changes).toEqual(['#ask', '#x']);
    expect(container.find('.setting-item-name')?.textContent).toBe('Help tag');
  });

  it('a modal is in the document while open', () => {
    const app = createTestApp() as unknown as App;
    class Ask extends Modal {
      override onOpen(): void {
        this.contentEl.createEl('p', { text: 'Title?' });
      }
      override onClose(): void {
        this.contentEl.empty();
      }
    }
    const m = new Ask(app);
    m.open();
    expect(document.body.textContent).toContain('Title?');
    expect(Modal.current(Ask)).toBe(m);
    m.close();
    expect(document.body.textContent).not.toContain('Title?');
    expect(Modal.current()).toBeNull();
  });
});
