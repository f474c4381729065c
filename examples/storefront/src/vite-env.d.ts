/// <reference types="vite/client" />

/** Build-time settings of the storefront (see README.md); all optional. */
interface ImportMetaEnv {
  /** The Worker's origin when the storefront is not served by the Worker itself (`vite dev`). */
  readonly VITE_AMS_WORKER_URL?: string;
  /** The store the till charges for (default `demo-store`). */
  readonly VITE_AMS_STORE_ID?: string;
  /** The store's name as shown on screen (default `Demo Cafe`). */
  readonly VITE_AMS_STORE_NAME?: string;
  /** The store's ISO 4217 currency (default `USD`). */
  readonly VITE_AMS_CURRENCY?: string;
  /** Smallest Entry Code amount in minor units (default `100`). */
  readonly VITE_AMS_ENTRY_MIN?: string;
  /** Largest Entry Code amount in minor units (default `50000`). */
  readonly VITE_AMS_ENTRY_MAX?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
