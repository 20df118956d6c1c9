// The HxError a call throws, for tests that read its code or message.
import { type HxError, isHxError } from "hxplan";

/** Runs `fn` and returns the HxError it throws; fails the test on anything else. */
export function errorOf(fn: () => unknown): HxError {
  try {
    fn();
  } catch (error) {
    if (isHxError(error)) return error;
    throw error;
  }
  throw new Error("expected an HxError");
}
