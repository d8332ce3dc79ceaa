export { LoggingModule, requestIdFrom } from './logging.module';
export { redactRequestUrl } from './log-redaction';
