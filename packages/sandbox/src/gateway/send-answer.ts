import type { GatewayApi } from "../faults/fault-rule.ts";
import type { SandboxRuntime } from "../sandbox/sandbox-runtime.ts";
import type { GatewayAnswer } from "./gateway-call.ts";
import { wireResult } from "./result-codes.ts";

/** The call being answered, as far as signing and faults need it. */
export interface AnsweredCall {
  /** `null` for a path that is no operation (faults filtered by operation do not apply). */
  readonly api: GatewayApi | null;
  readonly path: string;
  readonly clientId: string;
}

const HTTP_ERROR_PAGES: Record<500 | 502, string> = {
  500: "<html><body><h1>500 Internal Server Error</h1></body></html>",
  502: "<html><body><h1>502 Bad Gateway</h1></body></html>",
};

function statusOf(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as { result?: { resultStatus?: unknown } };
    const status = parsed.result?.resultStatus;
    return typeof status === "string" ? status : undefined;
  } catch {
    return undefined;
  }
}

// Held answers wait for their time, for the sandbox to close, or for `released`, whichever comes
// first.
function hold(runtime: SandboxRuntime, ms: number, released?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const signals = released === undefined ? [runtime.closed] : [runtime.closed, released];
    if (signals.some((signal) => signal.aborted)) return resolve();
    const done = (): void => {
      cancel();
      for (const signal of signals) signal.removeEventListener("abort", done);
      resolve();
    };
    const cancel = runtime.timers.schedule(done, ms);
    for (const signal of signals) signal.addEventListener("abort", done, { once: true });
  });
}

const encoder = new TextEncoder();

/**
 * A body that sends its first half at once and the rest after `ms` on the sandbox clock, or when
 * the sandbox closes; a client that gives up (cancels the stream, or disconnects) releases it.
 */
function stalledBody(
  runtime: SandboxRuntime,
  text: string,
  ms: number,
): ReadableStream<Uint8Array> {
  const bytes = encoder.encode(text);
  const cut = Math.ceil(bytes.length / 2);
  const gaveUp = new AbortController();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes.slice(0, cut));
      void hold(runtime, ms, gaveUp.signal).then(() => {
        if (gaveUp.signal.aborted) return;
        controller.enqueue(bytes.slice(cut));
        controller.close();
      });
    },
    cancel() {
      gaveUp.abort();
    },
  });
}

/**
 * Turns an operation's answer into the HTTP response: applies the gateway faults that strike
 * (U instead of the answer, HTTP 500/502, a corrupt or missing signature, a hang, a body that
 * stalls halfway), and signs the
 * exact body with the sandbox's key, sending `signature`, `response-time` and `client-id` in
 * lowercase (the official Python client reads only lowercase).
 */
export async function sendAnswer(
  runtime: SandboxRuntime,
  call: AnsweredCall,
  answer: GatewayAnswer,
): Promise<Response> {
  const target = call.api === null ? answer.target : { ...answer.target, api: call.api };
  let body = typeof answer.body === "string" ? answer.body : JSON.stringify(answer.body);
  const unknownFault = runtime.faults.strike("unknown-result", target);
  if (answer.unknown === true || unknownFault !== undefined) {
    body = JSON.stringify({ result: wireResult(unknownFault?.resultCode ?? "UNKNOWN_EXCEPTION") });
  }
  const hang = runtime.faults.strike("hang", target);
  if (hang !== undefined) await hold(runtime, hang.delayMs ?? runtime.settings.hangMs);
  const httpError = runtime.faults.strike("http-error", target);
  if (httpError !== undefined) {
    const status = httpError.status ?? 500;
    return new Response(HTTP_ERROR_PAGES[status], {
      status,
      headers: { "content-type": "text/html" },
    });
  }
  const responseTime = runtime.time(runtime.clock.now());
  const message = { path: call.path, clientId: call.clientId, time: responseTime, body };
  const headers = new Headers({
    "content-type": "application/json; charset=UTF-8",
    "client-id": call.clientId,
    "response-time": responseTime,
  });
  const unsigned =
    statusOf(body) !== "S" ? runtime.faults.strike("unsigned-failure", target) : undefined;
  if (unsigned !== undefined) {
    if (unsigned.partial !== true) headers.delete("response-time");
  } else if (runtime.faults.strike("corrupt-signature", target) !== undefined) {
    headers.set("signature", await runtime.signer.corrupt(message));
  } else {
    headers.set("signature", await runtime.signer.sign(message));
  }
  const stall = runtime.faults.strike("stall-body", target);
  if (stall !== undefined) {
    const stalled = stalledBody(runtime, body, stall.delayMs ?? runtime.settings.hangMs);
    return new Response(stalled, { status: 200, headers });
  }
  return new Response(body, { status: 200, headers });
}
