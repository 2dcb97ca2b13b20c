import { useEffect, useState } from "react";

/** How long typing must pause before a live result is asked for. */
export const DEBOUNCE_MS = 350;

/** `value` once it has stopped changing for `delayMs` (the first value at once). */
export function useDebounced<T extends string | number | boolean>(value: T, delayMs = DEBOUNCE_MS): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

/**
 * The request to send for inputs the user is editing: `current` once it has stayed the same for
 * the debounce delay, and null while it is still changing or invalid (null), so no keystroke in
 * between, and no stale request, is ever sent.
 */
export function useSettled<T>(current: T | null, delayMs = DEBOUNCE_MS): T | null {
  const key = current === null ? "" : JSON.stringify(current);
  const settled = useDebounced(key, delayMs);
  return current !== null && settled === key ? current : null;
}
