/**
 * The storage service's refusals. Non-2xx answers carry `{ code, message }`
 * (developer.atlassian.com/platform/forge/storage-reference/handling-errors-kvs/), which
 * @forge/kvs's checkResponseError turns into a ForgeKvsAPIError with that code and message.
 */
export class KvsFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'KvsFailure';
  }
}

export const badRequest = (code: string, message: string): KvsFailure =>
  new KvsFailure(400, code, message);

/** The code @forge/kvs looks for to turn get/delete of a missing key into `undefined`. */
export const keyNotFound = (): KvsFailure =>
  new KvsFailure(404, 'KEY_NOT_FOUND', 'Provided key does not exist');
