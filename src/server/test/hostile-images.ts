import { crc32, deflateSync } from 'node:zlib';
import { signaturePng } from './pdf-text.js';

/**
 * Images built to hurt a decoder, for tests of every path that takes an image from outside. Each is a PNG
 * whose chunks are well formed (lengths and, unless said otherwise, CRCs right), so that only the one
 * property named is wrong.
 */

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

function header(width: number, height: number, colourType = 6, interlace = 0): Buffer {
  const data = Buffer.alloc(13);
  data.writeUInt32BE(width, 0);
  data.writeUInt32BE(height, 4);
  data.set([8, colourType, 0, 0, interlace], 8);
  return data;
}

export function pngOf(width: number, height: number, idat: Buffer, colourType = 6): Buffer {
  return Buffer.concat([
    SIGNATURE,
    pngChunk('IHDR', header(width, height, colourType)),
    pngChunk('IDAT', idat),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A valid grey image of any size, cheap to build: every row filter 0, all black. */
export function plainPng(width: number, height: number): Buffer {
  return pngOf(width, height, deflateSync(Buffer.alloc((width + 1) * height)), 0);
}

/** The position of the first IDAT chunk's data and its length. */
function idatOf(png: Buffer): { at: number; length: number } {
  let offset = 8;
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    if (png.toString('latin1', offset + 4, offset + 8) === 'IDAT') return { at: offset + 8, length };
    offset += 12 + length;
  }
  throw new Error('no IDAT');
}

export const HOSTILE_PNGS: Record<string, () => Buffer> = {
  /** 70 bytes whose header claims 100000×100000 pixels (40 GB of RGBA). */
  'huge dimensions in the header': () => pngOf(100_000, 100_000, deflateSync(Buffer.alloc(16))),
  /** A real 8000×8000 header with data for it: large but valid, and far over a signature's bounds. */
  '8000×8000 pixels': () => plainPng(8000, 8000),
  /** A real signature whose compressed image data stops half-way (its chunk CRC is right). */
  'truncated image data': () => {
    const png = signaturePng();
    const { at, length } = idatOf(png);
    const cut = png.subarray(at, at + Math.floor(length / 2));
    return Buffer.concat([
      SIGNATURE,
      png.subarray(8, at - 8),
      pngChunk('IDAT', cut),
      pngChunk('IEND', Buffer.alloc(0)),
    ]);
  },
  /** A real signature with one bit of one CRC flipped. */
  'a wrong CRC': () => {
    const png = Buffer.from(signaturePng());
    const { at, length } = idatOf(png);
    png.writeUInt8(png.readUInt8(at + length + 3) ^ 0x01, at + length + 3);
    return png;
  },
  /** 300×90 in the header, but the image data inflates to 64 MB (a few dozen kB compressed). */
  'image data that inflates far beyond its header (zip bomb)': () =>
    pngOf(300, 90, deflateSync(Buffer.alloc(64 * 1024 * 1024), { level: 9 })),
  /** Filter byte 7 (only 0–4 exist) on the first row. */
  'an invalid row filter': () => {
    const raw = Buffer.alloc((300 * 4 + 1) * 90);
    raw[0] = 7;
    return pngOf(300, 90, deflateSync(raw));
  },
  /** A valid image followed by bytes after its end. */
  'data after the end chunk': () => Buffer.concat([signaturePng(), Buffer.from('<script>')]),
};
