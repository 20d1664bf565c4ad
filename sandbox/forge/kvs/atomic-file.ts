/**
 * A JSON file written atomically: the new content goes to a temporary file in the same folder,
 * is flushed to disk, then renamed over the old one (rename is atomic on POSIX file systems), so a
 * crash leaves either the old or the new file, never a torn one. Writes are serialized and
 * coalesced: callers await the write that contains their change, and a burst costs few writes.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';

export class AtomicJsonFile {
  private writing: Promise<void> | undefined;
  private pending: Promise<void> | undefined;

  constructor(
    readonly path: string,
    private readonly snapshot: () => unknown,
  ) {
    mkdirSync(dirname(path), { recursive: true });
  }

  /** The file's parsed content, or undefined when there is none yet. */
  read(): unknown {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw new Error(`${this.path} is not valid JSON: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }

  /** Resolves once a write that started after this call has reached the disk. */
  save(): Promise<void> {
    if (this.pending !== undefined) return this.pending;
    // A failed earlier write must not stop this one: it writes the whole state again.
    const after = (this.writing ?? Promise.resolve()).catch(() => undefined);
    const next: Promise<void> = after.then(async () => {
      this.pending = undefined;
      this.writing = next;
      try {
        await this.write(JSON.stringify(this.snapshot()));
      } finally {
        if (this.writing === next) this.writing = undefined;
      }
    });
    this.pending = next;
    return next;
  }

  private async write(text: string): Promise<void> {
    const temp = `${this.path}.${process.pid}.${Date.now()}.tmp`;
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await rename(temp, this.path);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw error;
    }
  }
}
