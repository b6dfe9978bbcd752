/**
 * The admin app's one error style. Each maps to a status at the edge; the user sees a generic message, the log the
 * detail.
 */
export class AdminError extends Error {
  constructor(
    message: string,
    readonly status: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Not there, or not yours to see: the two look the same so a case outside your facilities is not revealed. */
export class NotFound extends AdminError {
  constructor(what: string) {
    super(`${what} not found`, 404);
  }
}

export class Forbidden extends AdminError {
  constructor(why: string) {
    super(why, 403);
  }
}

/** A well-formed request that the current state does not allow (e.g. a status change the workflow forbids). */
export class Conflict extends AdminError {
  constructor(why: string) {
    super(why, 409);
  }
}

export class BadInput extends AdminError {
  constructor(why: string) {
    super(why, 400);
  }
}

/** What a user may be told for each status: never the detail. */
export const PUBLIC_MESSAGES: Record<number, string> = {
  400: 'The request was not valid.',
  401: 'Please sign in.',
  403: 'You do not have permission to do this.',
  404: 'Not found.',
  409: 'This change is not possible in the current state.',
  413: 'The request was too large.',
  429: 'Too many attempts. Try again later.',
  500: 'Something went wrong. The error has been logged.',
};
