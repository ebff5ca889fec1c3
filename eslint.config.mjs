import { defineConfig, globalIgnores } from 'eslint/config';
import obsidianmd from 'eslint-plugin-obsidianmd';
import globals from 'globals';

/** The engine's folders, lowest first (see src/engine/README.md). */
const ENGINE_LAYERS = ['days', 'read', 'plan', 'schedule', 'report', 'present', 'edit'];

/**
 * What a file of the engine's folder `folder` may not import: obsidian at run time, Node, and
 * the layers `above` it. The tree (plan/) carries its schedule, so plan/ may name schedule/'s types.
 */
function engineImports(above, folder) {
  return {
    paths: [{ name: 'obsidian', message: 'The engine runs outside Obsidian: import types only.', allowTypeImports: true }],
    patterns: [
      { group: ['node:*', 'fs', 'path'], message: 'The engine runs on mobile too: no Node APIs.' },
      ...above.map((layer) => ({
        group: [`../${layer}`, `../${layer}/*`],
        message: `${folder}/ sits below ${layer}/ in the engine's layers and may not import it.`,
        allowTypeImports: folder === 'plan' && layer === 'schedule',
      })),
    ],
  };
}

export default defineConfig([
  globalIgnores(['node_modules/', 'main.js', 'dist/', 'bench/out/', 'coverage/', 'preview/', 'test-results/', 'demo-vault/', '**/*.mjs', '**/*.cjs', 'bin/']),
  ...obsidianmd.configs.recommended,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // minAppVersion is 1.7.2: the settings tab must keep display(); the declarative
      // settings API of 1.13 would leave older versions without settings.
      'obsidianmd/settings-tab/prefer-setting-definitions': 'off',
    },
  },
  // The engine is pure: types from 'obsidian' only, never a runtime import, and no Node. Its
  // folders are layers, lowest first: each imports only the layers below it (and ../types).
  ...ENGINE_LAYERS.map((folder, i) => ({
    files: [`src/engine/${folder}/**/*.ts`],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', engineImports(ENGINE_LAYERS.slice(i + 1), folder)] },
  })),
  {
    files: ['src/engine/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', engineImports([], '')] },
  },
  {
    // The command line, the tests and the benchmark run on Node, outside the plugin bundle.
    files: ['src/cli/**/*.ts', 'tests/**/*.ts', 'bench/**/*.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
    rules: {
      'obsidianmd/no-nodejs-modules': 'off',
      'obsidianmd/hardcoded-config-path': 'off',
      'import/no-nodejs-modules': 'off',
      'obsidianmd/prefer-active-doc': 'off',
      'obsidianmd/no-global-this': 'off',
      'obsidianmd/prefer-window-timers': 'off',
      'no-restricted-globals': 'off',
    },
  },
  {
    // The test host imitates Obsidian's internals, which build DOM and files the raw way.
    files: ['tests/host/**/*.ts'],
    rules: {
      'obsidianmd/no-tfile-tfolder-cast': 'off',
      'obsidianmd/prefer-create-el': 'off',
      'obsidianmd/prefer-instanceof': 'off',
      'obsidianmd/ui/sentence-case': 'off',
    },
  },
]);
