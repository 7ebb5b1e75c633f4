import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

/**
 * Small logos made in the test, so fixtures carry no binary files: a 240x80
 * banner with the accent colour on the left and a dark band on the right.
 */
function pixels(width: number, height: number): Buffer {
  const data = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const left = x < width / 3;
      const ring = (x - width / 6) ** 2 + (y - height / 2) ** 2 < (height / 3) ** 2;
      data[i] = left ? (ring ? 255 : 15) : 30;
      data[i + 1] = left ? (ring ? 255 : 118) : 41;
      data[i + 2] = left ? (ring ? 255 : 110) : 59;
      data[i + 3] = 255;
    }
  }
  return data;
}

export function testLogoPng(width = 240, height = 80): Buffer {
  const png = new PNG({ width, height });
  pixels(width, height).copy(png.data);
  return PNG.sync.write(png);
}

export function testLogoJpeg(width = 240, height = 80): Buffer {
  return jpeg.encode({ data: pixels(width, height), width, height }, 85).data;
}
