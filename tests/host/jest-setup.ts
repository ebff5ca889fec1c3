/** After each test, the plugins it left running are unloaded (their intervals and DOM listeners go with them). */
import { unloadRunningPlugins } from './app';

afterEach(() => unloadRunningPlugins());
