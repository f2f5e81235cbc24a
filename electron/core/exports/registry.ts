/**
 * Export formats per mode. The only module that knows every mode's exporters: the export
 * service asks it for a mode's list, so a studio offers exactly its mode's formats, and no mode
 * ever sees another's. `.wokpack` is the one format every mode shares.
 */
import type { ModeId } from '../../../shared/modes';
import { BUSINESS_EXPORTERS } from '../modes/business/exports';
import { EMOJI_EXPORTERS } from '../modes/emoji/exports';
import { PIXEL_EXPORTERS } from '../modes/pixel/exports';
import { UIUX_EXPORTERS } from '../modes/uiux/exports';
import { VECTOR_EXPORTERS } from '../modes/vector/exports';
import type { AnyExporter } from './exporter';
import { wokpackExporter } from './wokpack/write-pack';

export type ExporterRegistry = Readonly<Record<ModeId, ReadonlyArray<AnyExporter>>>;

export const MODE_EXPORTERS: ExporterRegistry = {
  pixel: [...PIXEL_EXPORTERS, wokpackExporter('pixel')],
  business: [...BUSINESS_EXPORTERS, wokpackExporter('business')],
  uiux: [...UIUX_EXPORTERS, wokpackExporter('uiux')],
  vector: [...VECTOR_EXPORTERS, wokpackExporter('vector')],
  emoji: [...EMOJI_EXPORTERS, wokpackExporter('emoji')],
};
