/**
 * Obsidian's rendering of a code block in reading view, as far as a plugin sees it: the
 * processor gets the block's text, an element and a context whose `addChild` ties a
 * `MarkdownRenderChild` to the rendered section. Re-rendering the section (the note edited)
 * or closing the note unloads the children; `renderCodeBlock` returns that switch.
 */
import type { MarkdownPostProcessorContext, Plugin as ObsidianPlugin } from 'obsidian';
import { hostEl } from './dom';
import { Component } from './events';
import { pluginRecord } from './plugin';

/** Stands for `MarkdownRenderChild`: a component tied to an element of rendered Markdown. */
export class MarkdownRenderChild extends Component {
  containerEl: HTMLElement;
  constructor(containerEl: HTMLElement) {
    super();
    this.containerEl = containerEl;
  }
}

export interface RenderedBlock {
  el: HTMLElement;
  children: MarkdownRenderChild[];
  /** The section goes away (the note re-rendered or closed): its children unload. */
  unload(): void;
}

/** Host only: renders a code block of `language` in the note at `sourcePath`, as reading view does. */
export async function renderCodeBlock(plugin: ObsidianPlugin, language: string, source: string, sourcePath: string, parent?: HTMLElement): Promise<RenderedBlock> {
  const processor = pluginRecord(plugin).codeBlocks.get(language);
  if (processor === undefined) throw new Error(`[test host] no code block processor for "${language}"`);
  const el = hostEl('div', `block-language-${language}`);
  parent?.appendChild(el);
  const children: MarkdownRenderChild[] = [];
  const ctx: MarkdownPostProcessorContext = {
    docId: `doc-${sourcePath}`,
    sourcePath,
    frontmatter: null,
    addChild: (child) => {
      // At run time the plugin's MarkdownRenderChild is this module's class.
      const own = child as unknown as MarkdownRenderChild;
      children.push(own);
      own.load();
    },
    getSectionInfo: () => null,
  };
  await processor(source, el, ctx);
  return {
    el,
    children,
    unload: () => {
      for (const c of children.splice(0)) c.unload();
      el.remove();
    },
  };
}
