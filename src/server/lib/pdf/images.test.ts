import { deflateSync } from 'node:zlib';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { HOSTILE_PNGS, plainPng, pngChunk, pngOf } from '../../test/hostile-images.js';
import { signaturePng } from '../../test/pdf-text.js';
import {
  checkJpeg,
  checkPng,
  DOCUMENT_IMAGE_LIMITS,
  ImageRejected,
  normaliseSignaturePng,
  SIGNATURE_LIMITS,
} from './images.js';

/**
 * CPU milliseconds this test process has used (all its threads): the time bounds below are about work done,
 * and wall-clock time on a shared two-core machine also counts the time other processes held the cores.
 */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

const reasonOf = (check: () => unknown): string => {
  try {
    check();
  } catch (error) {
    if (error instanceof ImageRejected) return error.reason;
    throw error;
  }
  return 'accepted';
};

/** A JPEG's first bytes up to the start of its scan: SOI, a frame header of this size, SOS. */
function jpegHeader(width: number, height: number): Buffer {
  const sof = Buffer.from([0xff, 0xc0, 0, 11, 8, 0, 0, 0, 0, 1, 1, 0x11, 0]);
  sof.writeUInt16BE(height, 5);
  sof.writeUInt16BE(width, 7);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    sof,
    Buffer.from([0xff, 0xda, 0, 8, 1, 1, 0, 0, 0x3f, 0]),
  ]);
}

describe('checkPng', () => {
  it('accepts a drawn signature and reports its size', () => {
    expect(checkPng(signaturePng(300, 90), SIGNATURE_LIMITS)).toEqual({
      width: 300,
      height: 90,
      plain: false,
    });
    expect(checkPng(plainPng(2000, 1000), SIGNATURE_LIMITS)).toMatchObject({ width: 2000, height: 1000 });
  });

  it.each([
    ['huge dimensions in the header', 'dimensions'],
    ['8000×8000 pixels', 'dimensions'],
    ['truncated image data', 'corrupt'],
    ['a wrong CRC', 'corrupt'],
    ['image data that inflates far beyond its header (zip bomb)', 'corrupt'],
    ['an invalid row filter', 'corrupt'],
    ['data after the end chunk', 'corrupt'],
  ])('refuses a PNG with %s (%s), quickly and without allocating for it', (name, reason) => {
    const png = HOSTILE_PNGS[name]!();
    const started = cpuMs();
    expect(reasonOf(() => checkPng(png, SIGNATURE_LIMITS))).toBe(reason);
    expect(reasonOf(() => normaliseSignaturePng(png))).toBe(reason);
    expect(cpuMs() - started).toBeLessThan(4000);
  });

  it('refuses what is not a whole PNG: wrong signature, no header first, no end, a second header', () => {
    const png = signaturePng();
    const ihdr = png.subarray(8, 33);
    expect(reasonOf(() => checkPng(Buffer.from('GIF89a...'), SIGNATURE_LIMITS))).toBe('not_png');
    expect(reasonOf(() => checkPng(Buffer.alloc(0), SIGNATURE_LIMITS))).toBe('empty');
    expect(reasonOf(() => checkPng(png.subarray(0, png.length - 12), SIGNATURE_LIMITS))).toBe('corrupt');
    expect(
      reasonOf(() =>
        checkPng(Buffer.concat([png.subarray(0, 8), ihdr, ihdr, png.subarray(33)]), SIGNATURE_LIMITS),
      ),
    ).toBe('corrupt');
    const noHeader = Buffer.concat([png.subarray(0, 8), pngChunk('IDAT', deflateSync(Buffer.alloc(4)))]);
    expect(reasonOf(() => checkPng(noHeader, SIGNATURE_LIMITS))).toBe('corrupt');
    // An indexed image without its palette.
    expect(reasonOf(() => checkPng(pngOf(1, 1, deflateSync(Buffer.alloc(2)), 3), SIGNATURE_LIMITS))).toBe(
      'corrupt',
    );
  });

  it('bounds the file size before reading it', () => {
    const big = Buffer.concat([signaturePng(), Buffer.alloc(SIGNATURE_LIMITS.maxBytes)]);
    expect(reasonOf(() => checkPng(big, SIGNATURE_LIMITS))).toBe('too_big');
  });

  it('lets a scanned form be larger than a signature, within its own bounds', () => {
    expect(checkPng(plainPng(2480, 3508), DOCUMENT_IMAGE_LIMITS)).toMatchObject({
      width: 2480,
      height: 3508,
    });
    expect(reasonOf(() => checkPng(plainPng(2480, 3508), SIGNATURE_LIMITS))).toBe('dimensions');
  });
});

describe('checkJpeg', () => {
  it('reads the frame size and bounds it', () => {
    expect(checkJpeg(jpegHeader(2480, 3508), DOCUMENT_IMAGE_LIMITS)).toEqual({ width: 2480, height: 3508 });
    expect(reasonOf(() => checkJpeg(jpegHeader(65000, 65000), DOCUMENT_IMAGE_LIMITS))).toBe('dimensions');
    expect(reasonOf(() => checkJpeg(jpegHeader(100, 100).subarray(0, 10), DOCUMENT_IMAGE_LIMITS))).toBe(
      'corrupt',
    );
    expect(reasonOf(() => checkJpeg(Buffer.from('%PDF-1.4'), DOCUMENT_IMAGE_LIMITS))).toBe('not_jpeg');
  });
});

describe('normaliseSignaturePng', () => {
  it('writes the signature again as plain RGB on white: same size, ink kept, no transparency', () => {
    const out = normaliseSignaturePng(signaturePng(300, 90));
    const image = PNG.sync.read(out);
    expect([image.width, image.height]).toEqual([300, 90]);
    expect(out[25]).toBe(2); // colour type: RGB, which pdfkit embeds without decoding it
    expect(out[28]).toBe(0); // not interlaced
    const pixels = new Set<string>();
    for (let i = 0; i < image.data.length; i += 4)
      pixels.add(`${image.data[i]},${image.data[i + 1]},${image.data[i + 2]},${image.data[i + 3]}`);
    expect(pixels).toContain('255,255,255,255');
    expect(pixels).toContain('20,30,110,255');
  });

  it('returns a signature already in that form as it is, so that printing only checks it', () => {
    const once = normaliseSignaturePng(signaturePng(1800, 360));
    expect(normaliseSignaturePng(once)).toBe(once);
  });

  // A bound, not a benchmark: it takes ~0.1 s of CPU. Counted in CPU time, which other processes on a busy
  // machine do not inflate the way they stretch wall-clock time.
  it('takes well under the seconds an 8000×8000 image took, for the largest signature allowed', () => {
    const png = signaturePng(2000, 1000);
    normaliseSignaturePng(signaturePng(20, 10)); // warm up
    const started = cpuMs();
    normaliseSignaturePng(png);
    expect(cpuMs() - started).toBeLessThan(4000);
  });
});
