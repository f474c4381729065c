import { formatAmount, minorUnitDigits } from "@ams-edge/core";
import { type AmountView, parseAmountInput, pressAmountKey } from "@ams-edge/react-hooks";
import { type FormEvent, type ReactNode, useState } from "react";
import { AmountField } from "../ui/amount-field.tsx";
import { AmountKeypad } from "../ui/amount-keypad.tsx";

/** Props of {@link ChargeForm}. */
export interface ChargeFormProps {
  currency: string;
  onCharge: (amount: AmountView, description: string) => void;
}

const DEFAULT_DESCRIPTION = "Counter sale";

/** The amount (keypad or keyboard) and a description, then "Charge". */
export function ChargeForm({ currency, onCharge }: ChargeFormProps): ReactNode {
  const [text, setText] = useState("");
  const [description, setDescription] = useState("");
  const [tried, setTried] = useState(false);
  const parsed = parseAmountInput(text, currency);
  const showError = tried && parsed.error !== null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (parsed.amount) onCharge(parsed.amount, description.trim() || DEFAULT_DESCRIPTION);
  };
  return (
    <form className="charge" onSubmit={submit} noValidate>
      <AmountField
        id="amount"
        label={`Amount (${currency})`}
        currency={currency}
        value={text}
        onChange={setText}
        invalid={showError}
        errorId="amount-error"
        focusOnMount
      />
      {showError ? (
        <p id="amount-error" className="field-error" role="alert">
          {parsed.error?.message}
        </p>
      ) : null}
      <AmountKeypad
        decimals={minorUnitDigits(currency) > 0}
        onPress={(key) => setText((current) => pressAmountKey(current, key, currency))}
      />
      <div className="field">
        <label htmlFor="description">Description</label>
        <input
          id="description"
          maxLength={256}
          placeholder={DEFAULT_DESCRIPTION}
          value={description}
          onChange={(event) => setDescription(event.currentTarget.value)}
        />
      </div>
      <button type="submit" className="button primary large">
        {parsed.amount ? `Charge ${formatAmount(parsed.amount)}` : "Charge"}
      </button>
    </form>
  );
}
