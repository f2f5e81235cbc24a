/**
 * One typed error for everything that reads or writes embedded asset metadata.
 *
 * It is an `AppFailure` (code `invalid_input`), so the IPC dispatcher already knows how to
 * turn it into a `Result`; `reason` lets the rebuild put a precise word in its skipped list
 * without matching on message text.
 */
import { AppFailure } from '../../../shared/errors';

export type AssetMetadataErrorReason =
  /** The bytes are not a PNG / SVG / code file of the expected kind. */
  | 'not_png'
  | 'not_svg'
  /** The file ends before a structure it announced (chunk, tag, comment). */
  | 'truncated'
  /** A PNG chunk's CRC does not match its bytes. */
  | 'bad_crc'
  /** A structural rule is broken (chunk length, order, missing IEND, bad text chunk). */
  | 'malformed'
  /** The embedded JSON is not JSON, or not our schema. */
  | 'invalid_metadata'
  /** The format cannot carry metadata (e.g. a JPEG original). */
  | 'unsupported_format';

export class AssetMetadataError extends AppFailure {
  readonly reason: AssetMetadataErrorReason;
  constructor(reason: AssetMetadataErrorReason, message: string) {
    super('invalid_input', message, 'file');
    this.name = 'AssetMetadataError';
    this.reason = reason;
  }
}
