/**
 * The vault's own plugin settings for the command line: `.obsidian/plugins/action-plan/data.json`,
 * migrated exactly as the plugin migrates it on load, so `report` and the sidebar recognise
 * the same goals. A missing file means the defaults; an unreadable one, the defaults and a warning.
 * Every command loads its vault through `loadVaultWithSettings`, so all print the same warning.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EngineOptions } from '../engine/types';
import { engineOptions, migrate, type ActionPlanSettings } from '../settings/settings';
import { loadVault, type LoadedVault } from './load';
import { safe } from './terminal';

/** Where Obsidian keeps the plugin's saved settings, relative to the vault. */
const SETTINGS_FILE = '.obsidian/plugins/action-plan/data.json';

function errorCode(e: unknown): string {
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' ? code : e instanceof Error ? e.message : String(e);
}

/** The plugin settings of the vault at `root`; `warn` receives one line when the file cannot be used. */
export function vaultSettings(root: string, warn: (line: string) => void): ActionPlanSettings {
  let json: string;
  try {
    json = readFileSync(join(root, ...SETTINGS_FILE.split('/')), 'utf8');
  } catch (e) {
    const code = errorCode(e);
    if (code !== 'ENOENT') warn(`cannot read ${SETTINGS_FILE} (${code}); using the default settings`);
    return migrate(null);
  }
  let raw: unknown;
  try {
    // The plugin writes it as JSON; an empty file is what Obsidian leaves before the first save.
    raw = json.trim() === '' ? null : JSON.parse(json);
  } catch (e) {
    warn(`${SETTINGS_FILE} is not valid JSON (${e instanceof Error ? e.message : String(e)}); using the default settings`);
    return migrate(null);
  }
  if (raw !== null && (typeof raw !== 'object' || Array.isArray(raw))) {
    warn(`${SETTINGS_FILE} holds no settings object; using the default settings`);
    return migrate(null);
  }
  return migrate(raw);
}

/** The engine options of the vault at `root`; `warn` receives one line when the file cannot be used. */
export function vaultOptions(root: string, warn: (line: string) => void): EngineOptions {
  return engineOptions(vaultSettings(root, warn));
}

/** One warning line on standard error, its control characters made visible: the line may quote the file. */
export function settingsWarning(io: { err(text: string): void }): (line: string) => void {
  return (line) => io.err(`action-plan: warning: ${safe(line)}\n`);
}

/**
 * The vault at `root`, read with its plugin settings (the defaults with `noSettings`). A settings
 * file that cannot be used is one warning line on standard error, its control characters made
 * visible: the line may quote the file.
 */
export function loadVaultWithSettings(root: string, io: { err(text: string): void }, opts: { noSettings?: boolean; withText?: boolean } = {}): LoadedVault {
  const options = opts.noSettings === true ? undefined : vaultOptions(root, settingsWarning(io));
  return loadVault(root, options, opts.withText);
}
