export { failWith, prepareProcess, runMain, type Closable } from './run-main';
