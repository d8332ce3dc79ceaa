export { failWith, prepareProcess, runMain, type Closable } from './run-main';
export { PlatformModule } from './platform.module';
export { StartupError, startUp, type StartupOptions } from './start-up';
