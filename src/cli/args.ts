/**
 * A command's arguments read as the edit and goal commands take them: `--name value` or
 * `--name=value` for an option that takes a value, `--name` for a flag, and everything else, or
 * everything after `--`, as positional arguments in their order.
 */
import { CliError } from './load';

/** The options a command takes: `true` for one that takes a value, `false` for a flag. */
export type OptionSpec = Readonly<Record<string, boolean>>;

export interface CommandArgs {
  positional: string[];
  /** The value of each option given, the last one when an option is given twice. */
  values: Map<string, string>;
  flags: Set<string>;
}

/** Reads `rest` (the arguments after the command's name); bad usage is a CliError. */
export function readArgs(command: string, rest: readonly string[], spec: OptionSpec): CommandArgs {
  const args: CommandArgs = { positional: [], values: new Map(), flags: new Set() };
  let options = true;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i] ?? '';
    if (a === '--' && options) {
      // Everything after `--` is an argument, even when it starts with dashes.
      options = false;
      continue;
    }
    if (!options || !a.startsWith('--')) {
      args.positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq === -1 ? a : a.slice(0, eq);
    const takes = spec[name];
    if (takes === undefined) throw new CliError(`unknown option "${name}" for ${command}`);
    if (!takes) {
      args.flags.add(name);
      continue;
    }
    const value = eq === -1 ? rest[++i] : a.slice(eq + 1);
    if (value === undefined) throw new CliError(`${name} needs a value`);
    args.values.set(name, value);
  }
  return args;
}
