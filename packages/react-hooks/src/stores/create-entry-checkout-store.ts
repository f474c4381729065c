import type { AmsEdgeError } from "@ams-edge/core";
import type { AmountView, PaymentView } from "@ams-edge/core/api";
import type { AmountInputError } from "../amount/amount-input-error.ts";
import { type AmountLimits, parseAmountInput } from "../amount/parse-amount-input.ts";
import { type AmountKey, pressAmountKey } from "../amount/press-amount-key.ts";
import type { WorkerClient } from "../client/create-worker-client.ts";
import { toAmsEdgeError } from "../client/worker-api-error.ts";
import { type ExternalStore, snapshotCell } from "./snapshot-store.ts";

/**
 * The Entry Code page: `editing` the amount (`amount` is null until it is valid, `inputError`
 * says why), `submitting` it, `redirected` to the wallet (follow it with `usePaymentStatus` and
 * the `statusToken` if the page stays), or an `error` from the Worker (editing or submitting
 * again recovers).
 */
export type EntryCheckoutState =
  | {
      status: "editing";
      input: string;
      amount: AmountView | null;
      inputError: AmountInputError | null;
    }
  | { status: "submitting"; input: string; amount: AmountView }
  | {
      status: "redirected";
      input: string;
      amount: AmountView;
      redirectUrl: string;
      payment: PaymentView;
      statusToken: string;
    }
  | { status: "error"; input: string; amount: AmountView | null; error: AmsEdgeError };

/** Options of {@link createEntryCheckoutStore}. */
export interface EntryCheckoutStoreOptions {
  client: WorkerClient;
  storeId: string;
  /** The store's ISO 4217 currency: amounts are typed and checked in it. */
  currency: string;
  /** Bounds in minor units (the Worker enforces its own too). */
  limits?: AmountLimits;
  /** Locale for amounts in messages (default: the runtime's). */
  locale?: string;
  /** Sends the customer to the wallet (default `location.assign`). */
  navigate?: (url: string) => void;
}

/** AmountView entry, submission and redirect of the Entry Code page, without React. */
export interface EntryCheckoutStore extends ExternalStore<EntryCheckoutState> {
  /** Replaces the typed text (a text field). */
  setInput(text: string): void;
  /** Applies one keypad key (an on-screen keypad). */
  press(key: AmountKey): void;
  /** Creates the payment and sends the customer to the wallet; once at a time. Never rejects. */
  submit(): Promise<void>;
  /** Back to an empty amount. */
  reset(): void;
}

/**
 * The behaviour behind `useEntryCodeCheckout`, without React.
 * @example
 * const store = createEntryCheckoutStore({ client, storeId: "s1", currency: "USD" });
 * store.setInput("12.50");
 * await store.submit(); // the wallet opens
 */
export function createEntryCheckoutStore(options: EntryCheckoutStoreOptions): EntryCheckoutStore {
  const { client, storeId, currency } = options;
  let submission: Promise<void> | null = null;
  const editing = (input: string): EntryCheckoutState => {
    const { amount, error } = parseAmountInput(input, currency, options.limits, options.locale);
    return { status: "editing", input, amount, inputError: error };
  };
  const initial = editing("");
  const cell = snapshotCell(initial, initial);
  const edit = (next: (input: string) => string) => {
    const { status, input } = cell.get();
    if (status === "editing" || status === "error") cell.set(editing(next(input)));
  };

  return {
    ...cell.store,
    setInput: (text) => edit(() => text),
    press: (key) => edit((input) => pressAmountKey(input, key, currency)),
    submit() {
      const { status, input, amount } = cell.get();
      if (!submission && status !== "redirected" && amount) {
        cell.set({ status: "submitting", input, amount });
        submission = client.createEntryPayment(storeId, amount).then(
          ({ statusToken, ...payment }) => {
            const { redirectUrl } = payment;
            submission = null;
            cell.set({ status: "redirected", input, amount, redirectUrl, payment, statusToken });
            (options.navigate ?? ((url) => location.assign(url)))(redirectUrl);
          },
          (error: unknown) => {
            submission = null;
            cell.set({ status: "error", input, amount, error: toAmsEdgeError(error) });
          },
        );
      }
      return submission ?? Promise.resolve();
    },
    reset() {
      if (!submission) cell.set(initial);
    },
  };
}
