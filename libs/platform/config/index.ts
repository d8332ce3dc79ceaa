export * from './config.types';
export { ConfigError, loadConfig, redactUrl } from './config.loader';
export { TOLLGATE_CONFIG, TollgateConfigModule } from './config.module';
