/** The payment an Entry Code page sent the customer off to pay, so the page can show its result. */
export interface EntrySession {
  paymentRequestId: string;
  statusToken: string;
}

const keyOf = (storeId: string) => `ams-edge:entry:${storeId}`;

function storage(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}

/**
 * The payment to show: from the URL (`?payment=<id>&token=<statusToken>`, the form of the
 * Worker's return URL) or else the one this tab started before leaving for the wallet.
 */
export function readEntrySession(storeId: string, search: string): EntrySession | null {
  const params = new URLSearchParams(search);
  const paymentRequestId = params.get("payment");
  const statusToken = params.get("token");
  if (paymentRequestId && statusToken) return { paymentRequestId, statusToken };
  try {
    const value: Partial<EntrySession> | null = JSON.parse(
      storage()?.getItem(keyOf(storeId)) ?? "null",
    );
    if (typeof value?.paymentRequestId === "string" && typeof value.statusToken === "string") {
      return { paymentRequestId: value.paymentRequestId, statusToken: value.statusToken };
    }
  } catch {
    // Unreadable: nothing to resume.
  }
  return null;
}

/** Remembers the payment for this tab (the wallet brings the customer back to this page). */
export function writeEntrySession(storeId: string, session: EntrySession | null): void {
  try {
    if (session === null) storage()?.removeItem(keyOf(storeId));
    else storage()?.setItem(keyOf(storeId), JSON.stringify(session));
  } catch {
    // A full or blocked storage only loses the resume.
  }
}
