import type { ReactNode } from "react";
import { currencySymbol } from "./currency-symbol.ts";
import { normalizeAmountText } from "./normalize-amount-text.ts";
import { useFocusOnMount } from "./use-focus-on-mount.ts";

/** Props of {@link AmountField}. */
export interface AmountFieldProps {
  id: string;
  label: string;
  currency: string;
  value: string;
  onChange: (text: string) => void;
  /** Id of the element that explains an invalid value. */
  errorId?: string;
  invalid?: boolean;
  disabled?: boolean;
  /** Focus the field when it appears (the till: the cashier types straight away). */
  focusOnMount?: boolean;
}

/** The big amount: a labelled text field (typing and pasting work) with the currency symbol. */
export function AmountField(props: AmountFieldProps): ReactNode {
  const { id, label, currency, value, invalid = false } = props;
  const ref = useFocusOnMount<HTMLInputElement>(props.focusOnMount === true);
  return (
    <div className="amount-field">
      <label htmlFor={id}>{label}</label>
      <div className="amount-box" data-invalid={invalid || undefined}>
        <span className="amount-symbol" aria-hidden="true">
          {currencySymbol(currency)}
        </span>
        <input
          ref={ref}
          id={id}
          className="amount-input"
          inputMode="decimal"
          autoComplete="off"
          placeholder="0.00"
          value={value}
          disabled={props.disabled}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? props.errorId : undefined}
          onChange={(event) =>
            props.onChange(normalizeAmountText(event.currentTarget.value, currency))
          }
        />
      </div>
    </div>
  );
}
