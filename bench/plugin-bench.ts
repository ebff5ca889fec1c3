/** Plugin measurements (live index through the test host); filled in with the plugin. */
export function benchPlugin(_root: string, _size: string): Promise<{ summary: string }> {
  return Promise.resolve({ summary: '' });
}
