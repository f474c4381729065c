import { type RefObject, useEffect, useRef } from "react";

/**
 * Focuses the element when it mounts. For elements that replace the one that had focus (the
 * "Charge" button gives way to the payment, "Cancel" to "New sale", "Refund" to its form):
 * without this, focus would fall back to the page and a keyboard user would start over.
 */
export function useFocusOnMount<T extends HTMLElement>(enabled = true): RefObject<T | null> {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (enabled) ref.current?.focus();
  }, [enabled]);
  return ref;
}
