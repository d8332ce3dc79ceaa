export { runMain, type Closable } from './run-main';
