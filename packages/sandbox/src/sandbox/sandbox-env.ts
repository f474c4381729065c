/** What the sandbox's routes receive besides the request. */
export interface SandboxEnv {
  Bindings: {
    /** Keeps work alive after the response (`waitUntil` in workerd) and tracks it for `idle()`. */
    defer: (work: Promise<unknown>) => void;
  };
}
