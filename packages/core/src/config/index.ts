export { ConfigError, type ConfigErrorCode, isConfigError } from "./config-error.ts";
export { isConfigurationError } from "./is-configuration-error.ts";
