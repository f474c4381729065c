/// <reference types="vite/client" />

/** Build-time settings of the storefront (see README.md); all optional. */
interface ImportMetaEnv {
  /** The Worker's origin when the storefront is not served by the Worker itself (`vite dev`). */
  readonly VITE_AMS_WORKER_URL?: string;
  /** The store the till charges for (default `demo-store`). */
  readonly VITE_AMS_STORE_ID?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
