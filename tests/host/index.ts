/**
 * The test host in one import, for tests: the app and plugin drivers, the in-memory vault and
 * metadata cache, and the stand-ins with their host-only parts (`Notice.messages`,
 * `Modal.current()`, `Setting.named()`, `Menu.shown`, `pluginRecord()`…). Plugin code keeps
 * importing `obsidian`; at run time both are the same module, so `instanceof` agrees.
 */
export { createTestApp, startPlugin, stopPlugin, projectManifest, openViewOf, CommandRegistry } from './app';
export type { TestApp, TestAppOptions, HostApp, PluginRegistry } from './app';
export { InMemoryVault, MemoryAdapter } from './vault';
export type { VaultChange, VaultObserver } from './vault';
export { InMemoryMetadataCache } from './metadata-cache';
export type { ChangedEvent } from './metadata-cache';
export { buildCache } from './cache-builder';
export { TestFileManager, applyFrontmatter, readFrontmatterObject } from './file-manager';
export { TestWorkspace } from './workspace';
export { Events, Component } from './events';
export type { HostEventRef } from './events';
export { TAbstractFile, TFile, TFolder } from './files';
export { Editor } from './editor';
export { Notice, Modal, SuggestModal, FuzzySuggestModal, Menu, MenuItem } from './ui';
export * from './settings-ui';
export { View, ItemView, FileView, MarkdownView, EmptyView, WorkspaceLeaf } from './views';
export { Plugin, pluginRecord } from './plugin';
export type { PluginRecord, RibbonIcon, CodeBlockProcessor, CliRegistration } from './plugin';
export { MarkdownRenderChild, renderCodeBlock } from './markdown';
export type { RenderedBlock } from './markdown';
export { iconCalls, normalizePath, debounce, playApiVersion, apiVersion } from './util';
export { openBase, BasesView, QueryController } from './bases';
export type { OpenBase, BaseEntries } from './bases';
export { installDomHelpers } from './dom';
export { installTasksPlugin, tasksToggleLine, TASKS_ID } from './tasks-plugin';
export type { TasksStandIn } from './tasks-plugin';
