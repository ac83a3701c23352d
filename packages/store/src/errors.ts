import type { DataProblem } from "@samverkan/domain";

/**
 * What kind of mistake a write or a look-up made, so a caller (the HTTP API) can answer with the
 * right status: not_found → 404, invalid → 400/422, conflict → 409. Anything else thrown by the
 * store is a fault of the store or the database, not of the input.
 */
export type StoreErrorCode = "not_found" | "invalid" | "conflict";

/** One thing wrong with an input: where (a path such as `amount` or `meetings[2].date`) and what. */
export interface StoreProblem {
  readonly path: string;
  readonly message: string;
}

/** A refused read or write with a human message; nothing was changed. */
export class StoreError extends Error {
  readonly code: StoreErrorCode;
  /** Every problem found, for `invalid`; a dataset's problems carry their file in `file`. */
  readonly problems: readonly (StoreProblem | DataProblem)[];
  /** Closest valid names or ids, for `not_found` ("did you mean …"). */
  readonly suggestions: readonly string[];

  constructor(
    code: StoreErrorCode,
    message: string,
    details: {
      problems?: readonly (StoreProblem | DataProblem)[];
      suggestions?: readonly string[];
      cause?: unknown;
    } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = "StoreError";
    this.code = code;
    this.problems = details.problems ?? [];
    this.suggestions = details.suggestions ?? [];
  }
}

export function isStoreError(error: unknown): error is StoreError {
  return error instanceof StoreError;
}
