/**
 * The fixed sizes business assets are delivered at, each from the platform's own guidance
 * (as of 2026): Open Graph 1200×630, X/Twitter header 1500×500, LinkedIn personal banner
 * 1584×396, Instagram square post 1080×1080, Instagram/Facebook story 1080×1920; favicons
 * per the web app manifest and Apple's touch icon (180×180).
 */
import sharp from 'sharp';

export interface TargetSize {
  readonly id: string;
  readonly label: string;
  readonly width: number;
  readonly height: number;
  /** File name inside the export. */
  readonly file: string;
}

const size = (id: string, label: string, width: number, height: number, file: string): TargetSize => ({ id, label, width, height, file });

export const BRAND_KIT_SIZES: ReadonlyArray<TargetSize> = [
  size('icon', 'Brand icon 512×512', 512, 512, 'brand-icon-512.png'),
  size('header', 'Header 1200×400', 1200, 400, 'header-1200x400.png'),
  size('profile', 'Social profile 500×500', 500, 500, 'social-profile-500.png'),
  size('og', 'OG image 1200×630', 1200, 630, 'og-image-1200x630.png'),
];

export const SOCIAL_SIZES: ReadonlyArray<TargetSize> = [
  size('og', 'Open Graph 1200×630', 1200, 630, 'og-1200x630.png'),
  size('twitter', 'X/Twitter header 1500×500', 1500, 500, 'twitter-header-1500x500.png'),
  size('linkedin', 'LinkedIn banner 1584×396', 1584, 396, 'linkedin-banner-1584x396.png'),
  size('instagram', 'Instagram square 1080×1080', 1080, 1080, 'instagram-1080x1080.png'),
  size('story', 'Story 1080×1920', 1080, 1920, 'story-1080x1920.png'),
];

export type Fit = 'contain' | 'cover';
export type Background = 'transparent' | 'white' | 'black';

const BACKGROUNDS: Readonly<Record<Background, { r: number; g: number; b: number; alpha: number }>> = {
  transparent: { r: 0, g: 0, b: 0, alpha: 0 },
  white: { r: 255, g: 255, b: 255, alpha: 1 },
  black: { r: 0, g: 0, b: 0, alpha: 1 },
};

/** Decoded once; every size is cut from the same pixels (no decode per size). */
export interface RawImage {
  readonly data: Uint8Array;
  readonly width: number;
  readonly height: number;
}

export async function decodeRaw(bytes: Uint8Array): Promise<RawImage> {
  const { data, info } = await sharp(bytes).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/**
 * The image at exactly `width`×`height`: `contain` keeps all of it (a logo is never cropped)
 * on the background; `cover` fills the frame and crops the overflow from the centre.
 */
export async function renderAt(image: RawImage, width: number, height: number, fit: Fit, background: Background): Promise<Uint8Array> {
  let pipeline = sharp(image.data, { raw: { width: image.width, height: image.height, channels: 4 } }).resize(width, height, {
    fit,
    background: BACKGROUNDS[background],
    kernel: 'lanczos3',
  });
  if (background !== 'transparent') pipeline = pipeline.flatten({ background: BACKGROUNDS[background] });
  const buffer = await pipeline.png({ compressionLevel: 6 }).toBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
