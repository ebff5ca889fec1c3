/** After each test, the plugins it left running are unloaded (their intervals and DOM listeners go with them), and the host is the newest app again. */
import { unloadRunningPlugins } from './app';
import { apiVersion, playApiVersion } from './util';

afterEach(() => {
  unloadRunningPlugins();
  playApiVersion(apiVersion);
});
