import { parseArgs } from "node:util";
import { signTestNotification, toMinorUnits } from "@ams-edge/core";
import { isAcknowledgement } from "../notify/is-acknowledgement.ts";
import { formatTime } from "../time/format-time.ts";
import { type CliIo, EXIT, UsageError } from "./cli-io.ts";
import { readKeyArg } from "./read-key-arg.ts";

/** Usage of `ams-edge notify`. */
export const NOTIFY_USAGE = `Usage: ams-edge notify <url> --key <key> [options]

Sends one signed PAYMENT_RESULT notification to <url>, as the provider would, and reports the
answer. Use it to try a notification receiver without a payment.

Options:
  --key <key>                   private key to sign with (the one whose public key the receiver
                                trusts as the provider's), or a file holding it. Required.
  --status S|F                  payment succeeded (S, default) or failed (F)
  --result-code <code>          result code (default SUCCESS, or USER_BALANCE_NOT_ENOUGH for F)
  --amount <value>              minor units ("599") or a decimal ("5.99"); default 100
  --currency <code>             ISO 4217 code (default USD)
  --payment-request-id <id>     default: test-<time>
  --payment-id <id>             default: a made-up 20-digit id
  --client-id <id>              client-id header (default SANDBOX_LOCAL)
  --key-version <n>             keyVersion in the Signature header (default 1)
  --json                        print the request and answer as JSON
  -h, --help                    show this help

Exit codes: 0 acknowledged (HTTP 200, resultStatus S), 1 not acknowledged, 2 usage error.
`;

function minorUnits(amount: string, currency: string): string {
  if (/^\d+$/.test(amount)) return amount;
  try {
    return toMinorUnits(amount, currency);
  } catch (error) {
    throw new UsageError(`--amount: ${(error as Error).message}`);
  }
}

/** `ams-edge notify`: a signed test notification to any URL. */
export async function notifyCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      key: { type: "string" },
      status: { type: "string", default: "S" },
      "result-code": { type: "string" },
      amount: { type: "string", default: "100" },
      currency: { type: "string", default: "USD" },
      "payment-request-id": { type: "string" },
      "payment-id": { type: "string" },
      "client-id": { type: "string", default: "SANDBOX_LOCAL" },
      "key-version": { type: "string", default: "1" },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  });
  if (values.help) {
    io.out(NOTIFY_USAGE);
    return EXIT.ok;
  }
  const [url, ...extra] = positionals;
  if (url === undefined || extra.length > 0) throw new UsageError("give exactly one URL to notify");
  if (!/^https?:\/\//.test(url) || !URL.canParse(url))
    throw new UsageError(`"${url}" is not an http(s) URL`);
  if (values.key === undefined)
    throw new UsageError("--key is required: the private key to sign with");
  if (values.status !== "S" && values.status !== "F")
    throw new UsageError("--status must be S or F");
  const success = values.status === "S";
  const resultCode = values["result-code"] ?? (success ? "SUCCESS" : "USER_BALANCE_NOT_ENOUGH");
  const now = Date.now();
  const amount = { currency: values.currency, value: minorUnits(values.amount, values.currency) };
  const notification = {
    notifyType: "PAYMENT_RESULT",
    result: {
      resultCode,
      resultStatus: values.status,
      resultMessage: success ? "success" : resultCode.toLowerCase().replaceAll("_", " "),
    },
    paymentRequestId: values["payment-request-id"] ?? `test-${now}`,
    paymentId:
      values["payment-id"] ??
      `${new Date(now).toISOString().slice(0, 10).replaceAll("-", "")}99${String(now).slice(-10)}`,
    paymentAmount: amount,
    ...(success ? { actualPaymentAmount: amount } : {}),
    paymentCreateTime: formatTime(now - 60_000),
    paymentTime: formatTime(now),
  };
  const privateKey = await readKeyArg("--key", values.key, io.cwd);
  const request = await signTestNotification({
    notification,
    privateKey,
    clientId: values["client-id"],
    keyVersion: values["key-version"],
    url,
  });
  const body = JSON.stringify(notification);
  let status = 0;
  let answer = "";
  try {
    const response = await fetch(request, { signal: AbortSignal.timeout(10_000) });
    status = response.status;
    answer = await response.text();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (values.json) io.out(`${JSON.stringify({ acknowledged: false, error: message, body })}\n`);
    else io.err(`ams-edge notify: no answer from ${url}: ${message}\n`);
    return EXIT.failure;
  }
  const acknowledged = isAcknowledgement(status, answer);
  if (values.json) {
    io.out(
      `${JSON.stringify({ acknowledged, httpStatus: status, answer, body, signature: request.headers.get("signature") })}\n`,
    );
  } else {
    io.out(
      `Sent ${body}\nto ${url}\nAnswer: HTTP ${status} ${answer}\n${acknowledged ? "acknowledged" : "NOT acknowledged"}\n`,
    );
  }
  return acknowledged ? EXIT.ok : EXIT.failure;
}
