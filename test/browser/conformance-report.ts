/** What the conformance page reports: the crypto provider it got and each case's outcome. */
export interface ConformanceReport {
  cryptoRuntime: string;
  userAgent: string;
  /** `error` is null when the case passed. */
  outcomes: { name: string; error: string | null }[];
}
