/**
 * The text formats of the Worker's API, shared by its schemas and by hand-written guards that
 * must agree with them (a browser bundle may check a view without bundling valibot).
 */

/** An ISO 4217 currency code, e.g. `USD`. */
export const CURRENCY_PATTERN: RegExp = /^[A-Z]{3}$/;

/** Whole minor units as decimal digits, e.g. `599` for USD 5.99; `0` for nothing. */
export const MINOR_UNITS_PATTERN: RegExp = /^\d+$/;

/** A UTC time as `Date.prototype.toISOString` writes it, e.g. `2026-12-05T20:09:11.000Z`. */
export const TIME_PATTERN: RegExp = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
