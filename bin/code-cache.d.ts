/** Types of code-cache.js, for the tests. */
export interface Loaded {
  exports: unknown;
  status: 'used' | 'new' | 'node';
  save(): boolean;
}
export function loadWithCache(bundle: string, options?: { folder?: string }): Loaded;
