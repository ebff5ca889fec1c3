/**
 * The suites that compare the engine with what Obsidian and the Tasks plugin themselves produced
 * (the peer data kept beside the project, tests/peer-data.ts). Where it cannot be had, as on a
 * release build on GitHub, ACTION_PLAN_PEER_DATA=absent leaves them out and says so; everywhere
 * else a missing peer data fails them. tests/peer-suites.test.ts keeps this list complete.
 */
module.exports = [
  'tests/cli/simple-yaml.test.ts',
  'tests/engine/anchor.test.ts',
  'tests/engine/conformance.test.ts',
  'tests/engine/links.test.ts',
  'tests/engine/tasks-oracle.test.ts',
  'tests/host/host.test.ts',
];
