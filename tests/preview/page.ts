/**
 * The preview page (`npm run preview`): the real plugin over the test host, in a browser. The
 * notes, the vault's settings of the plugin and the day taken as today come embedded in the page; the sidebar view is mounted in
 * the page, and panels show the text of the last note written and the notices shown. `?theme=dark`, `?width=PX` (the
 * sidebar's width, default 420) and `?mobile=1` (Obsidian's phone classes and `Platform` flags).
 * Tests drive it through the DOM and read `window.actionPlanPreview`.
 */
import ActionPlanPlugin from '../../src/main';
import { VIEW_TYPE_PLAN } from '../../src/view/plan-view';
import { VIEW_TYPE_TIMELINE } from '../../src/view/timeline/timeline-view';
import { ItemView } from 'obsidian';
import { createTestApp, InMemoryVault, MarkdownView, Notice, startPlugin, type TestApp } from '../host';
import { Platform } from '../host/util';
import { freezeToday } from './today';

interface PreviewData {
  today: string | null;
  notes: Record<string, string>;
  /** The vault's `.obsidian/plugins/action-plan/data.json`, when it has one. */
  settings?: unknown;
}

declare global {
  interface Window {
    actionPlanPreview?: { app: TestApp; plugin: ActionPlanPlugin; ready: Promise<void>; opened: { path: string; line: number | null } | null };
  }
}

function readData(): PreviewData {
  const el = document.getElementById('action-plan-preview-data');
  return JSON.parse(el?.textContent ?? '{"today":null,"notes":{}}') as PreviewData;
}

/** The panel with the text of the last note written. */
function notePanel(parent: HTMLElement): (path: string, text: string) => void {
  const panel = parent.createEl('section', { cls: 'action-plan-preview-note' });
  const title = panel.createEl('h2', { cls: 'preview-note-title', text: 'No note written yet' });
  const body = panel.createEl('pre', { cls: 'preview-note-text' });
  return (path, text) => {
    panel.setAttribute('data-path', path);
    title.setText(path);
    body.setText(text);
  };
}

async function main(): Promise<void> {
  const data = readData();
  if (data.today !== null) freezeToday(data.today);
  const params = new URLSearchParams(location.search);
  document.body.addClass(params.get('theme') === 'dark' ? 'theme-dark' : 'theme-light');
  if (params.get('mobile') === '1') {
    document.body.addClasses(['is-mobile', 'is-phone']);
    Object.assign(Platform, { isMobile: true, isPhone: true, isMobileApp: true, isDesktop: false, isDesktopApp: false });
  }
  const width = Number(params.get('width') ?? '');

  const layout = document.body.createDiv({ cls: 'preview-layout' });
  const mainArea = layout.createDiv({ cls: 'preview-main' });
  const sidebar = layout.createDiv({ cls: 'preview-sidebar' });
  if (Number.isFinite(width) && width > 0) sidebar.setCssProps({ '--preview-width': `${Math.round(width)}px` });
  const side = layout.createDiv({ cls: 'preview-side' });
  const opened = side.createDiv({ cls: 'preview-opened', text: 'No note open' });
  const showNote = notePanel(side);
  // Obsidian's notices, newest first, as long as they are not hidden (an Undo in one works).
  const notices = side.createEl('section', { cls: 'preview-notices', attr: { 'aria-live': 'polite' } });
  Notice.onShow = (n) => notices.prepend(n.messageEl);

  const vault = InMemoryVault.fromRecord(data.notes);
  const app = createTestApp(vault);
  vault.on('modify', (file) => {
    const f = vault.getFileByPath(file.path);
    if (f !== null) showNote(f.path, vault.readSync(f));
  });
  const state: NonNullable<Window['actionPlanPreview']> = { app, plugin: null as unknown as ActionPlanPlugin, ready: Promise.resolve(), opened: null };
  window.actionPlanPreview = state;
  // The cursor is put on the line just after `file-open`: read it a turn later.
  app.workspace.on('file-open', () => window.setTimeout(() => {
    const view = app.workspace.getActiveViewOfType(MarkdownView);
    if (view?.file == null) return;
    const line = view.editor.getCursor().line;
    state.opened = { path: view.file.path, line };
    opened.setAttribute('data-path', view.file.path);
    opened.setAttribute('data-line', String(line));
    opened.setText(`Open: ${view.file.path}, line ${line + 1}`);
  }, 0));

  // A view the plugin opens in the main area (the timeline) is shown above the sidebar.
  app.workspace.on('layout-change', () => {
    mainArea.empty();
    const leaves = app.workspace.getLeavesOfType(VIEW_TYPE_TIMELINE);
    const shown = leaves.find((l) => l.view === app.workspace.getActiveViewOfType(ItemView)) ?? leaves[leaves.length - 1];
    if (shown !== undefined) mainArea.appendChild(shown.view.containerEl);
  });
  app.workspace.setLayoutReady();
  const plugin = await startPlugin(ActionPlanPlugin, app, {}, data.settings ?? undefined, { userEnable: true });
  state.plugin = plugin;
  const leaf = app.workspace.getLeavesOfType(VIEW_TYPE_PLAN)[0];
  if (leaf !== undefined) sidebar.appendChild(leaf.view.containerEl);
  state.ready = (async () => {
    await plugin.index.whenBuilt();
    await app.settle();
    document.body.setAttribute('data-ready', 'true');
  })();
  await state.ready;
}

main().catch((e: unknown) => {
  console.error('Preview failed', e);
  document.body.setAttribute('data-error', String(e));
});
