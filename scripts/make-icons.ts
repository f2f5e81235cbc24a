/**
 * Renders resources/icon.svg to the PNG electron-builder packages (it derives .icns and .ico
 * from a 1024² PNG) and to the window icon Linux shows. Run after editing the SVG:
 * `npm run icons`; the PNGs are committed so builds need no rasteriser.
 */
import { join } from 'node:path';
import sharp from 'sharp';

const resources = join(__dirname, '..', 'resources');

async function main(): Promise<void> {
  const svg = join(resources, 'icon.svg');
  await sharp(svg, { density: 300 }).resize(1024, 1024).png().toFile(join(resources, 'icon.png'));
  await sharp(svg, { density: 150 }).resize(512, 512).png().toFile(join(resources, 'icon-512.png'));
  console.error('wrote resources/icon.png (1024²) and resources/icon-512.png');
}

void main();
