/**
 * The five mode engines, by id. The only module that knows them all: the pipeline asks it for
 * the engine of a request's mode, and no mode ever imports another.
 */
import type { EngineRegistry } from '../pipeline/types';
import { businessEngine } from './business';
import { emojiEngine } from './emoji';
import { pixelEngine } from './pixel';
import { uiuxEngine } from './uiux';
import { vectorEngine } from './vector';

export const MODE_ENGINES: EngineRegistry = {
  pixel: pixelEngine,
  business: businessEngine,
  uiux: uiuxEngine,
  vector: vectorEngine,
  emoji: emojiEngine,
};
