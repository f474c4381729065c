export { ConfigError, type ConfigErrorCode, isConfigError } from "./config-error.ts";
