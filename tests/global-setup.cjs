// Every date test runs in UTC, whatever the machine's zone. The command line's bundle is built
// from the current sources, for the tests that run bin/action-plan.js as a child process (it
// rebuilds only when asked).
module.exports = async () => {
  process.env.TZ = 'UTC';
  require('../scripts/build-cli.cjs').buildCliSync();
};
