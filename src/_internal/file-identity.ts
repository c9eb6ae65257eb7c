/**
 * Which file a path leads to, so that two paths to one file ("a.pdf", "./a.pdf", a symlink)
 * compare equal. Node only.
 */
import { realpath } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

/** A file's real path (its folder's, for a file that does not exist yet), so that two paths to one file compare equal. */
export async function identityOf(file: string): Promise<string> {
  const real = await realpath(file).catch(() => undefined);
  if (real !== undefined) return real;
  const folder = await realpath(dirname(resolve(file))).catch(() => dirname(resolve(file)));
  return join(folder, basename(file));
}

