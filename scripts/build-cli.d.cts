/** Types of build-cli.cjs, for the tests. */
import type { BuildOptions } from 'esbuild';
export const options: BuildOptions & { entryPoints: string[]; outfile: string };
export function buildCliSync(): void;
