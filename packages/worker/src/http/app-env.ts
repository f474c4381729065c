import type { WorkerConfig } from "../config/load-config.ts";

/** Hono's environment of every route: the Worker's bindings and the checked configuration. */
export interface AppEnv {
  Bindings: Env;
  Variables: { config: WorkerConfig };
}
