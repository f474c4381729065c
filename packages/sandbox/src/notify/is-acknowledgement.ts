/**
 * True when a merchant's answer acknowledges a notification: HTTP 200 and a JSON body whose
 * `result.resultStatus` is `S` (what the provider checks before it stops resending).
 */
export function isAcknowledgement(status: number, body: string): boolean {
  if (status !== 200) return false;
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed !== "object" || parsed === null) return false;
    const result = (parsed as { result?: unknown }).result;
    return (
      typeof result === "object" &&
      result !== null &&
      (result as { resultStatus?: unknown }).resultStatus === "S"
    );
  } catch {
    return false;
  }
}
