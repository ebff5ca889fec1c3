// Every date test runs in UTC, whatever the machine's zone.
module.exports = async () => {
  process.env.TZ = 'UTC';
};
