/**
 * Containment of the rejections pdf.js leaves unhandled.
 *
 * On some damaged files pdf.js rejects promises that nothing in pdf.js listens to (its check of
 * the first page while loading a document, for one), besides failing the call we made. Node ends
 * the process on an unhandled rejection, so a single damaged PDF in a folder would stop the CLI
 * and `tagFolder` before the error could be reported for that file. While a PDF is being read, a
 * process listener takes the rejections pdf.js raised; any other rejection goes on as Node would
 * have treated it without the listener.
 */

// The names pdf.js gives its own exceptions (BaseException subclasses, display and core side).
const pdfjsExceptionNames = new Set([
  'AbortException',
  'FormatError',
  'InvalidPDFException',
  'MissingDataException',
  'MissingPDFException',
  'ParserEOFException',
  'PasswordException',
  'ResponseException',
  'UnexpectedResponseException',
  'UnknownErrorException',
  'XRefEntryException',
  'XRefParseException',
]);

/** True for an error pdf.js raised: one of its exception types, or thrown from pdf.js code. */
export function isPdfjsError(reason: unknown): boolean {
  if (typeof reason !== 'object' || reason === null) return false;
  const { name, stack } = reason as { name?: unknown; stack?: unknown };
  if (typeof name === 'string' && pdfjsExceptionNames.has(name)) return true;
  return typeof stack === 'string' && /[\\/]pdfjs\.m?js:/.test(stack.split('\n')[1] ?? '');
}

let reading = 0;
let removal: ReturnType<typeof setImmediate> | undefined;

function onUnhandledRejection(reason: unknown): void {
  if (isPdfjsError(reason)) return;
  // Someone else listens too: the rejection is theirs to handle, as it would have been.
  if (process.listenerCount('unhandledRejection') > 1) return;
  actAsNodeWould(reason);
}

// What Node does with an unhandled rejection when no listener is registered, per its
// --unhandled-rejections mode, where a listener changes it. Node itself has already raised it
// ("strict") or warned ("warn") before emitting the event, and stays silent for "none".
function actAsNodeWould(reason: unknown): void {
  const mode = unhandledRejectionsMode();
  if (mode === 'none' || mode === 'strict' || mode === 'warn') return;
  if (mode === 'warn-with-error-code') {
    process.emitWarning(`Unhandled promise rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`, 'UnhandledPromiseRejectionWarning');
    process.exitCode = 1;
    return;
  }
  const error = reason instanceof Error ? reason : Object.assign(new Error(`This error originated either by throwing inside of an async function without a catch block, or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason "${String(reason)}".`), { code: 'ERR_UNHANDLED_REJECTION' });
  process.nextTick(() => {
    throw error;
  });
}

function unhandledRejectionsMode(): string {
  const flags = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
  for (const flag of flags.reverse()) {
    const match = /^--unhandled-rejections=([\w-]+)$/.exec(flag);
    if (match) return match[1]!;
  }
  return 'throw';
}

/**
 * Runs `read` (which reads a PDF with pdf.js) with pdf.js's stray rejections contained.
 * Outside Node (no `process.on`, no `setImmediate`), runs it as it is.
 */
export async function containingPdfjsRejections<T>(read: () => Promise<T>): Promise<T> {
  if (typeof process === 'undefined' || typeof process.on !== 'function' || typeof setImmediate !== 'function') return read();
  // The listener is in place while a read is under way or its removal is pending.
  if (removal) clearImmediate(removal);
  else if (reading === 0) process.on('unhandledRejection', onUnhandledRejection);
  removal = undefined;
  reading++;
  try {
    return await read();
  } finally {
    // Node reports unhandled rejections after the current microtasks have run, so the listener
    // stays until the next turn of the event loop; a read that starts before then keeps it.
    if (--reading === 0) {
      removal = setImmediate(() => {
        removal = undefined;
        process.off('unhandledRejection', onUnhandledRejection);
      });
    }
  }
}
