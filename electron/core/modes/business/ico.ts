/**
 * The ICO container, written by hand (it is tiny): an ICONDIR header, one 16-byte
 * ICONDIRENTRY per image, then the images. Since Windows Vista every entry may be a whole PNG
 * file, which every browser reads for favicon.ico.
 * Layout: https://learn.microsoft.com/en-us/previous-versions/ms997538(v=msdn.10)
 * (ICONDIR / ICONDIRENTRY), little-endian throughout.
 */

export interface IcoImage {
  /** Square edge in px, 1–256 (256 is stored as 0). */
  readonly size: number;
  /** A complete PNG file of that size. */
  readonly png: Uint8Array;
}

const HEADER_BYTES = 6;
const ENTRY_BYTES = 16;
/** ICONDIR.idType: 1 = icon (2 would be a cursor). */
const TYPE_ICON = 1;

export function encodeIco(images: ReadonlyArray<IcoImage>): Uint8Array {
  if (images.length === 0 || images.length > 255) throw new Error('An ICO holds 1–255 images.');
  const total = HEADER_BYTES + ENTRY_BYTES * images.length + images.reduce((sum, image) => sum + image.png.byteLength, 0);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  view.setUint16(0, 0, true); // reserved
  view.setUint16(2, TYPE_ICON, true);
  view.setUint16(4, images.length, true);
  let offset = HEADER_BYTES + ENTRY_BYTES * images.length;
  images.forEach((image, index) => {
    if (!Number.isInteger(image.size) || image.size < 1 || image.size > 256) throw new Error(`An ICO image must be 1–256 px, not ${image.size}.`);
    const entry = HEADER_BYTES + ENTRY_BYTES * index;
    view.setUint8(entry, image.size === 256 ? 0 : image.size); // bWidth
    view.setUint8(entry + 1, image.size === 256 ? 0 : image.size); // bHeight
    view.setUint8(entry + 2, 0); // bColorCount: 0 = not a palette image
    view.setUint8(entry + 3, 0); // bReserved
    view.setUint16(entry + 4, 1, true); // wPlanes
    view.setUint16(entry + 6, 32, true); // wBitCount: 32-bit RGBA
    view.setUint32(entry + 8, image.png.byteLength, true); // dwBytesInRes
    view.setUint32(entry + 12, offset, true); // dwImageOffset
    out.set(image.png, offset);
    offset += image.png.byteLength;
  });
  return out;
}

/** Reads the directory back (for checks): each entry's size and its embedded bytes. */
export function readIcoDirectory(bytes: Uint8Array): Array<{ width: number; height: number; bitCount: number; data: Uint8Array }> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < HEADER_BYTES || view.getUint16(0, true) !== 0 || view.getUint16(2, true) !== TYPE_ICON) throw new Error('Not an ICO file.');
  const count = view.getUint16(4, true);
  return Array.from({ length: count }, (_, index) => {
    const entry = HEADER_BYTES + ENTRY_BYTES * index;
    const length = view.getUint32(entry + 8, true);
    const offset = view.getUint32(entry + 12, true);
    if (offset + length > bytes.byteLength) throw new Error('The ICO entry runs past the end of the file.');
    return {
      width: view.getUint8(entry) || 256,
      height: view.getUint8(entry + 1) || 256,
      bitCount: view.getUint16(entry + 6, true),
      data: bytes.subarray(offset, offset + length),
    };
  });
}
