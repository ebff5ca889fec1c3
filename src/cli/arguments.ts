/**
 * How a command of the command line reads its arguments: `--name value`, `--name=value` and
 * flags, in order, with `--` ending the options. Each command says which options it takes.
 */
import { CliError } from './walk';

/**
 * Hands each option to `take` in the order given, with its value (undefined for a flag, which
 * `takes` marks false), and returns the other arguments. An option the command does not take,
 * or one without its value, is a usage error.
 */
export function readArguments(
  command: string,
  rest: readonly string[],
  takes: Readonly<Record<string, boolean>>,
  take: (name: string, value: string | undefined) => void,
): string[] {
  const positional: string[] = [];
  let options = true;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i] ?? '';
    if (a === '--' && options) {
      // Everything after `--` is an argument, even when it starts with dashes.
      options = false;
      continue;
    }
    if (!options || !a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq === -1 ? a : a.slice(0, eq);
    const wantsValue = takes[name];
    if (wantsValue === undefined) throw new CliError(`unknown option "${name}" for ${command}`);
    if (!wantsValue) {
      take(name, undefined);
      continue;
    }
    const value = eq === -1 ? rest[++i] : a.slice(eq + 1);
    if (value === undefined) throw new CliError(`${name} needs a value`);
    take(name, value);
  }
  return positional;
}
