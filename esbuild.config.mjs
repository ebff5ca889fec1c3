import esbuild from 'esbuild';
import { builtinModules } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The plugin's build: src/main.ts -> main.js (CommonJS, as Obsidian loads it). The benchmark and
 * the bundle test build with these options too, so what they measure is what is shipped.
 */
export function pluginOptions(production) {
  return {
    absWorkingDir: root,
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
  };
}

/** `node esbuild.config.mjs production` builds once (and the command line); without it, watches. */
async function main(production) {
  const context = await esbuild.context(pluginOptions(production));
  if (production) {
    await context.rebuild();
    await context.dispose();
    const { buildCliSync } = await import('./scripts/build-cli.cjs');
    buildCliSync();
  } else {
    await context.watch();
  }
}

// Imported for its options, it builds nothing.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main(process.argv[2] === 'production');
