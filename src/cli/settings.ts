/**
 * The vault's own plugin settings for the command line: `.obsidian/plugins/action-plan/data.json`,
 * migrated exactly as the plugin migrates it on load, so `report` and the sidebar recognise
 * the same goals. A missing file means the defaults; an unreadable one, the defaults and a warning.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EngineOptions } from '../engine/types';
import { engineOptions, migrate } from '../settings/settings';

/** Where Obsidian keeps the plugin's saved settings, relative to the vault. */
const SETTINGS_FILE = '.obsidian/plugins/action-plan/data.json';

function errorCode(e: unknown): string {
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' ? code : e instanceof Error ? e.message : String(e);
}

/** The engine options of the vault at `root`; `warn` receives one line when the file cannot be used. */
export function vaultOptions(root: string, warn: (line: string) => void): EngineOptions {
  let json: string;
  try {
    json = readFileSync(join(root, ...SETTINGS_FILE.split('/')), 'utf8');
  } catch (e) {
    const code = errorCode(e);
    if (code !== 'ENOENT') warn(`cannot read ${SETTINGS_FILE} (${code}); using the default settings`);
    return engineOptions(migrate(null));
  }
  let raw: unknown;
  try {
    // The plugin writes it as JSON; an empty file is what Obsidian leaves before the first save.
    raw = json.trim() === '' ? null : JSON.parse(json);
  } catch (e) {
    warn(`${SETTINGS_FILE} is not valid JSON (${e instanceof Error ? e.message : String(e)}); using the default settings`);
    return engineOptions(migrate(null));
  }
  if (raw !== null && (typeof raw !== 'object' || Array.isArray(raw))) {
    warn(`${SETTINGS_FILE} holds no settings object; using the default settings`);
    return engineOptions(migrate(null));
  }
  return engineOptions(migrate(raw));
}
