import { crc32, inflateSync } from 'node:zlib';
import { PNG } from 'pngjs';

/**
 * Checks images from outside (drawn signatures, scanned consent forms) before anything decodes them.
 *
 * A PNG header may claim 100000×100000 pixels in 70 bytes, and its compressed data may be cut short or
 * inflate to gigabytes; pdfkit's own PNG decoder then throws inside a zlib callback, which no request can
 * catch, and the process dies. So every chunk is walked and its CRC checked, the header's dimensions are
 * bounded before a single byte is inflated, and the image data is inflated once with an output limit of
 * exactly the size those dimensions need: anything shorter, longer or malformed is refused.
 */

export interface ImageLimits {
  maxBytes: number;
  maxWidth: number;
  maxHeight: number;
}

/** A drawn signature: the signature pad sends at most 1800×360 pixels (900 CSS pixels at 2× density). */
export const SIGNATURE_LIMITS: ImageLimits = { maxBytes: 300 * 1024, maxWidth: 2000, maxHeight: 1000 };
/** A scanned or photographed form: an A4 page at 600 dpi fits, a poster does not. */
export const DOCUMENT_IMAGE_LIMITS: ImageLimits = {
  maxBytes: 5 * 1024 * 1024,
  maxWidth: 8000,
  maxHeight: 8000,
};
/** Raw image data (after inflating, before unfiltering) we are willing to hold for one check. */
const MAX_RAW_BYTES = 64 * 1024 * 1024;

export type ImageRejection = 'empty' | 'too_big' | 'not_png' | 'not_jpeg' | 'dimensions' | 'corrupt';

export class ImageRejected extends Error {
  constructor(
    readonly reason: ImageRejection,
    message: string,
  ) {
    super(message);
    this.name = 'ImageRejected';
  }
}

export interface ImageInfo {
  width: number;
  height: number;
}

export interface PngInfo extends ImageInfo {
  /** 8-bit RGB, not interlaced, no transparency: pdfkit embeds such an image as it is, decoding nothing. */
  plain: boolean;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Allowed bit depths per colour type (PNG spec, table 11.1) and the channels of each. */
const PNG_COLOUR_TYPES: Readonly<Record<number, { depths: number[]; channels: number }>> = {
  0: { depths: [1, 2, 4, 8, 16], channels: 1 },
  2: { depths: [8, 16], channels: 3 },
  3: { depths: [1, 2, 4, 8], channels: 1 },
  4: { depths: [8, 16], channels: 2 },
  6: { depths: [8, 16], channels: 4 },
};
/** Adam7 passes: first column and row, then steps. */
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

const corrupt = (message: string) => new ImageRejected('corrupt', message);

function checkSize(bytes: Buffer, limits: ImageLimits): void {
  if (bytes.length === 0) throw new ImageRejected('empty', 'The image is empty');
  if (bytes.length > limits.maxBytes) throw new ImageRejected('too_big', 'The image file is too large');
}

function checkDimensions(width: number, height: number, limits: ImageLimits): void {
  if (width === 0 || height === 0) throw new ImageRejected('dimensions', 'The image has no pixels');
  if (width > limits.maxWidth || height > limits.maxHeight)
    throw new ImageRejected(
      'dimensions',
      `The image may be at most ${limits.maxWidth}×${limits.maxHeight} pixels`,
    );
}

/** Rows of the image data as stored: one filter byte and the packed pixels of each row, per pass. */
function rowsOf(width: number, height: number, bitsPerPixel: number, interlaced: boolean) {
  const passes = interlaced
    ? ADAM7.map(([x0, y0, dx, dy]) => ({
        width: Math.ceil(Math.max(0, width - x0) / dx),
        height: Math.ceil(Math.max(0, height - y0) / dy),
      }))
    : [{ width, height }];
  return passes
    .filter((p) => p.width > 0 && p.height > 0)
    .map((p) => ({ rows: p.height, rowBytes: 1 + Math.ceil((p.width * bitsPerPixel) / 8) }));
}

/**
 * Checks a PNG completely without trusting it: signature, every chunk's length and CRC, a valid header
 * first, the palette an indexed image needs, contiguous image data, the end chunk last and nothing after
 * it, dimensions within `limits`, and image data that inflates (within a bounded buffer) to exactly the
 * rows the header describes, each with a valid filter byte. Throws ImageRejected.
 */
export function checkPng(bytes: Buffer, limits: ImageLimits): PngInfo {
  checkSize(bytes, limits);
  if (bytes.length < 8 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE))
    throw new ImageRejected('not_png', 'The image is not a PNG');
  let offset = 8;
  let header: { width: number; height: number; depth: number; colour: number; interlaced: boolean } | null =
    null;
  let palette = false;
  let transparency = false;
  let ended = false;
  let idatState: 'before' | 'in' | 'after' = 'before';
  const idat: Buffer[] = [];
  while (offset < bytes.length) {
    if (ended) throw corrupt('Data after the end of the image');
    if (offset + 12 > bytes.length) throw corrupt('The image is cut short');
    const length = bytes.readUInt32BE(offset);
    const end = offset + 12 + length;
    if (length > 0x7fffffff || end > bytes.length) throw corrupt('The image is cut short');
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    if (!/^[A-Za-z]{4}$/.test(type)) throw corrupt('The image has a malformed chunk');
    const body = bytes.subarray(offset + 4, offset + 8 + length);
    if (crc32(body) !== bytes.readUInt32BE(offset + 8 + length))
      throw corrupt('The image is damaged (checksum)');
    const data = body.subarray(4);
    if (!header && type !== 'IHDR') throw corrupt('The image has no header');
    if (idatState === 'in' && type !== 'IDAT') idatState = 'after';
    switch (type) {
      case 'IHDR': {
        if (header || length !== 13) throw corrupt('The image header is malformed');
        const [depth, colour, compression, filter, interlace] = data.subarray(8, 13);
        const kind = PNG_COLOUR_TYPES[colour ?? -1];
        if (
          !kind ||
          !kind.depths.includes(depth ?? -1) ||
          compression !== 0 ||
          filter !== 0 ||
          interlace! > 1
        )
          throw corrupt('The image header is malformed');
        header = {
          width: data.readUInt32BE(0),
          height: data.readUInt32BE(4),
          depth: depth!,
          colour: colour!,
          interlaced: interlace === 1,
        };
        // Bounded here, before any image data is read or inflated.
        checkDimensions(header.width, header.height, limits);
        break;
      }
      case 'PLTE':
        if (length === 0 || length % 3 !== 0 || length > 768 || idatState !== 'before')
          throw corrupt('The image palette is malformed');
        palette = true;
        break;
      case 'IDAT':
        if (idatState === 'after') throw corrupt('The image data is split');
        idatState = 'in';
        idat.push(data);
        break;
      case 'tRNS':
        transparency = true;
        break;
      case 'IEND':
        if (length !== 0) throw corrupt('The image end is malformed');
        ended = true;
        break;
      default:
        // An unknown critical chunk (upper-case first letter) cannot be ignored, says the spec.
        if (type.charCodeAt(0) < 0x61) throw corrupt('The image uses an unknown feature');
    }
    offset = end;
  }
  if (!header || !ended || idat.length === 0) throw corrupt('The image is incomplete');
  if (header.colour === 3 && !palette) throw corrupt('The image has no palette');

  const bitsPerPixel = header.depth * PNG_COLOUR_TYPES[header.colour]!.channels;
  const rows = rowsOf(header.width, header.height, bitsPerPixel, header.interlaced);
  const expected = rows.reduce((sum, p) => sum + p.rows * p.rowBytes, 0);
  if (expected > MAX_RAW_BYTES)
    throw new ImageRejected('dimensions', 'The image has too many pixels at this colour depth');
  let raw: Buffer;
  try {
    // One byte more than needed, so that data that inflates to more than the header says is caught too.
    raw = inflateSync(Buffer.concat(idat), { maxOutputLength: expected + 1 });
  } catch {
    throw corrupt('The image data is damaged or larger than its header says');
  }
  if (raw.length !== expected) throw corrupt('The image data does not match its size');
  let at = 0;
  for (const pass of rows)
    for (let r = 0; r < pass.rows; r++, at += pass.rowBytes)
      if (raw[at]! > 4) throw corrupt('The image data is damaged (filter)');
  return {
    width: header.width,
    height: header.height,
    plain: header.colour === 2 && header.depth === 8 && !header.interlaced && !transparency,
  };
}

/**
 * Checks a JPEG's structure up to its image data: markers with lengths that stay inside the file, a frame
 * header with dimensions within `limits`, and a scan. (The pixels are not decoded: nothing of ours decodes
 * a JPEG; it is stored and handed back as the signed form.)
 */
export function checkJpeg(bytes: Buffer, limits: ImageLimits): ImageInfo {
  checkSize(bytes, limits);
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8)
    throw new ImageRejected('not_jpeg', 'The image is not a JPEG');
  let offset = 2;
  let info: ImageInfo | null = null;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) throw corrupt('The image is damaged');
    const marker = bytes[offset + 1]!;
    if (marker === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    if (marker === 0xd9) break;
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2;
      continue;
    }
    const length = bytes.readUInt16BE(offset + 2);
    if (length < 2 || offset + 2 + length > bytes.length) throw corrupt('The image is cut short');
    // Start of frame: SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      if (length < 8) throw corrupt('The image header is malformed');
      info = { height: bytes.readUInt16BE(offset + 5), width: bytes.readUInt16BE(offset + 7) };
      checkDimensions(info.width, info.height, limits);
    }
    if (marker === 0xda) {
      if (!info) throw corrupt('The image has no header');
      return info;
    }
    offset += 2 + length;
  }
  throw corrupt('The image is incomplete');
}

/**
 * A drawn signature as pdfkit may safely draw it: checked with checkPng, then, unless it already is one,
 * decoded (now bounded), laid on white and written again as a plain 8-bit RGB PNG without transparency or
 * interlacing, which pdfkit embeds as it is, without decoding it (its decoder is what crashed on hostile
 * input). Uploads are stored in that form, so printing one only checks it. Throws ImageRejected.
 */
export function normaliseSignaturePng(bytes: Buffer): Buffer {
  if (checkPng(bytes, SIGNATURE_LIMITS).plain) return bytes;
  let image: PNG;
  try {
    image = PNG.sync.read(bytes);
  } catch {
    throw corrupt('The image could not be read');
  }
  // Laid on white in place: integer arithmetic, one pass.
  const rgba = image.data;
  for (let i = 0; i < rgba.length; i += 4) {
    const alpha = rgba[i + 3]!;
    const white = 255 * (255 - alpha) + 127;
    rgba[i] = ((rgba[i]! * alpha + white) / 255) | 0;
    rgba[i + 1] = ((rgba[i + 1]! * alpha + white) / 255) | 0;
    rgba[i + 2] = ((rgba[i + 2]! * alpha + white) / 255) | 0;
    rgba[i + 3] = 255;
  }
  // Filter 0 only: a signature is mostly white and compresses well without trying each filter per row.
  return PNG.sync.write(image, { colorType: 2, inputHasAlpha: true, filterType: 0 });
}
