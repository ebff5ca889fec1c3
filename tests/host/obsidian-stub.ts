/**
 * The `obsidian` module as plugin code sees it under Jest (jest.config.cjs maps `obsidian`
 * here) and in the benchmark. The npm package has types only; these are run-time stand-ins
 * for the symbols the plugin uses, each documented where it is defined. Types come from the
 * real package (`import type … from 'obsidian'` resolves to it for tsc).
 */
import { installDomHelpers, installEventTargets } from './dom';

// Obsidian runs in a window: in the node test environment, `window` is the global object, so
// `window.setTimeout` works (and Jest's fake timers, which patch the global, apply to it).
if (typeof (globalThis as { window?: unknown }).window === 'undefined') {
  (globalThis as { window?: unknown }).window = globalThis;
}
installEventTargets();
installDomHelpers();

export { Component, Events } from './events';
export type { HostEventRef as EventRef } from './events';
export { TAbstractFile, TFile, TFolder } from './files';
export { Editor } from './editor';
export type { EditorPosition, EditorChange } from './editor';
export { Notice, Modal, SuggestModal, FuzzySuggestModal, Menu, MenuItem } from './ui';
export {
  BaseComponent,
  ValueComponent,
  AbstractTextComponent,
  TextComponent,
  TextAreaComponent,
  SearchComponent,
  ToggleComponent,
  DropdownComponent,
  SliderComponent,
  ButtonComponent,
  ExtraButtonComponent,
  Setting,
  SettingTab,
  PluginSettingTab,
} from './settings-ui';
export { View, ItemView, FileView, MarkdownView, WorkspaceLeaf } from './views';
export { Plugin } from './plugin';
export { MarkdownRenderChild } from './markdown';
export { BasesView, QueryController, BasesQueryResult, BasesEntry, BasesEntryGroup, BasesViewConfig } from './bases';
export {
  normalizePath,
  debounce,
  setIcon,
  Platform,
  apiVersion,
  requireApiVersion,
  getLinkpath,
  parseLinktext,
  parseYaml,
  stringifyYaml,
} from './util';
