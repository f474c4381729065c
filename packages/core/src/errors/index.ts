export { AmsEdgeError, isAmsEdgeError } from "./ams-edge-error.ts";
