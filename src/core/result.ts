/**
 * The one shape of an operation that can fail on the user's input (a reader, a fix, a profile, a host opening a
 * file): on success `ok: true` with its fields, on failure `ok: false` with one `error` the caller words or shows.
 * Failures are values, not exceptions, so a strange workbook never throws out of the engine or a host.
 */
export type Result<T extends object, E> = ({ ok: true } & T) | { ok: false; error: E };
