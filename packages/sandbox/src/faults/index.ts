export type { ActiveFault, FaultInjector, FaultTarget } from "./fault-injector.ts";
export { createFaultInjector } from "./fault-injector.ts";
export type {
  FaultKind,
  FaultRule,
  GatewayApi,
  GatewayFaultKind,
  NotificationFaultKind,
} from "./fault-rule.ts";
export { FAULT_KINDS, GATEWAY_APIS } from "./fault-rule.ts";
export { parseFaultRule } from "./parse-fault-rule.ts";
