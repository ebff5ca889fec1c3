// Builds the preview page of demo-vault/ as of the day its notes were written for.
const { join } = require('node:path');
module.exports = async () => {
  process.env.TZ = 'UTC';
  const root = join(__dirname, '..', '..');
  const { buildPreview } = await import(join(root, 'scripts', 'preview.mjs'));
  await buildPreview({ vault: join(root, 'demo-vault'), today: '2026-11-25', out: join(root, 'test-results', 'preview') });
};
