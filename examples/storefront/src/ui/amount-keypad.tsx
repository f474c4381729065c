import type { AmountKey } from "@ams-edge/react-hooks";
import type { ReactNode } from "react";

const KEYS: readonly { key: AmountKey; label: string; name: string }[] = [
  ..."123456789".split("").map((d) => ({ key: d as AmountKey, label: d, name: d })),
  { key: ".", label: ".", name: "Decimal point" },
  { key: "0", label: "0", name: "0" },
  { key: "backspace", label: "⌫", name: "Delete last digit" },
];

/** Props of {@link AmountKeypad}. */
export interface AmountKeypadProps {
  onPress: (key: AmountKey) => void;
  /** False for currencies without minor units (the decimal point is disabled). */
  decimals: boolean;
  disabled?: boolean;
}

/** A large on-screen keypad for amounts: digits, decimal point, delete and clear. */
export function AmountKeypad({
  onPress,
  decimals,
  disabled = false,
}: AmountKeypadProps): ReactNode {
  return (
    <fieldset className="keypad">
      <legend className="visually-hidden">Amount keypad</legend>
      {KEYS.map(({ key, label, name }) => (
        <button
          key={key}
          type="button"
          className="keypad-key"
          aria-label={name}
          disabled={disabled || (key === "." && !decimals)}
          onClick={() => onPress(key)}
        >
          {label}
        </button>
      ))}
      <button
        type="button"
        className="keypad-key keypad-clear"
        disabled={disabled}
        onClick={() => onPress("clear")}
      >
        Clear
      </button>
    </fieldset>
  );
}
