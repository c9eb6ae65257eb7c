/**
 * The worker thread behind `tagFolder` (practice-themes/node): it builds one tagger from the
 * options it is started with, then tags what it is sent, one at a time — a file, or the text
 * the calling thread extracted from one — and posts each report (or error) back. The messages
 * are defined in _internal/worker-protocol.ts.
 *
 * This module only serves when it is started as practice-themes' worker (a marker in
 * `workerData`); imported anywhere else it does nothing.
 */
import { isMainThread, parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { WORKER_MARKER, readReportFile, serialiseError, type WorkerReply, type WorkerRequest } from './_internal/worker-protocol.js';
import { createTagger, tagSourceWith } from './pipeline.js';
import type { TagOptions } from './schemas/options.js';

function serve(port: MessagePort, options: TagOptions): void {
  port.postMessage({ hello: WORKER_MARKER } satisfies WorkerReply);
  const tagger = createTagger(options);
  // Requests may arrive while one is being tagged (the Node entry keeps two in flight per
  // worker); they are tagged one after another, in the order they came.
  let queue: Promise<void> = Promise.resolve();
  port.on('message', (request: WorkerRequest) => {
    queue = queue.then(async () => {
      try {
        const report = request.source ? tagSourceWith(tagger, request.source) : await tagger.tagReport(await readReportFile(request.file));
        port.postMessage({ id: request.id, report } satisfies WorkerReply);
      } catch (error) {
        port.postMessage({ id: request.id, error: serialiseError(error) } satisfies WorkerReply);
      }
    });
  });
  port.postMessage({ ready: true } satisfies WorkerReply);
}

const data = workerData as { marker?: unknown; options?: TagOptions } | null | undefined;
if (!isMainThread && parentPort && data?.marker === WORKER_MARKER) serve(parentPort, data.options ?? {});
