import esbuild from 'esbuild';
import { builtinModules } from 'node:module';

const production = process.argv[2] === 'production';

/** The plugin: src/main.ts -> main.js (CommonJS, as Obsidian loads it). */
const context = await esbuild.context({
  entryPoints: ['src/main.ts'],
  bundle: true,
  external: [
    'obsidian',
    'electron',
    '@codemirror/autocomplete',
    '@codemirror/collab',
    '@codemirror/commands',
    '@codemirror/language',
    '@codemirror/lint',
    '@codemirror/search',
    '@codemirror/state',
    '@codemirror/view',
    '@lezer/common',
    '@lezer/highlight',
    '@lezer/lr',
    ...builtinModules,
  ],
  format: 'cjs',
  target: 'es2021',
  logLevel: 'info',
  sourcemap: production ? false : 'inline',
  treeShaking: true,
  minify: production,
  // The date parser's debug tracing calls console.log; marked pure, those calls leave the bundle.
  pure: ['console.log'],
  outfile: 'main.js',
});

if (production) {
  await context.rebuild();
  await context.dispose();
  const { buildCliSync } = await import('./scripts/build-cli.cjs');
  buildCliSync();
} else {
  await context.watch();
}
