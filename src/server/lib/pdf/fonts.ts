import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';

/**
 * The fonts every PDF uses, shipped as npm packages (no download at run time), resolved from node_modules
 * so the working directory does not matter:
 * - Noto Sans, complete (Latin with Latin Extended for Turkish, Greek, Cyrillic), from
 *   @expo-google-fonts/noto-sans; the fontsource package only has it split into subsets.
 * - Noto Naskh Arabic, its Arabic subset, from @fontsource/noto-naskh-arabic.
 * Both are under the SIL Open Font License 1.1 (LICENSE_FONT and LICENSE in those packages).
 */
const FONT_FILES = {
  latin: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  latinBold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
  arabic: '@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-400-normal.woff',
  arabicBold: '@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-700-normal.woff',
} as const;
export type FontName = keyof typeof FONT_FILES;

/** A parsed font, as pdfkit's own copy of fontkit makes it (pdfkit accepts one wherever it takes a font). */
export type ParsedFont = { readonly layout: (text: string) => unknown };

const require = createRequire(import.meta.url);
// The fontkit that pdfkit itself uses, so the parsed fonts are what it expects.
const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as {
  create(data: Uint8Array): ParsedFont;
};
let loaded: Promise<[FontName, ParsedFont][]> | undefined;

/**
 * Reads and parses the fonts once per process: parsing them again for every document cost ~60 ms each.
 * A parsed font is safe to share, pdfkit keeps its subset and layout cache per document. A failed read is
 * retried on the next call.
 */
export function loadFonts(): Promise<[FontName, ParsedFont][]> {
  loaded ??= Promise.all(
    (Object.keys(FONT_FILES) as FontName[]).map(async (name): Promise<[FontName, ParsedFont]> => {
      const data = await readFile(require.resolve(FONT_FILES[name]));
      return [name, fontkit.create(woffToSfnt(data))];
    }),
  ).catch((error: unknown) => {
    loaded = undefined;
    throw error;
  });
  return loaded;
}

/**
 * Unpacks a WOFF 1.0 file into the plain TrueType font it wraps. fontkit can read WOFF, but it inflates
 * the tables in JavaScript again for every document, which made each PDF ~100 ms slower; zlib does it
 * once here. Anything that is not WOFF is returned as it is.
 */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.length < 44 || woff.toString('latin1', 0, 4) !== 'wOFF') return woff;
  const numTables = woff.readUInt16BE(12);
  const tables = Array.from({ length: numTables }, (_, i) => {
    const entry = 44 + i * 20;
    const offset = woff.readUInt32BE(entry + 4);
    const compLength = woff.readUInt32BE(entry + 8);
    const origLength = woff.readUInt32BE(entry + 12);
    const raw = woff.subarray(offset, offset + compLength);
    return {
      tag: woff.subarray(entry, entry + 4),
      checksum: woff.readUInt32BE(entry + 16),
      data: compLength < origLength ? inflateSync(raw) : raw,
    };
  });
  const entrySelector = Math.floor(Math.log2(numTables));
  const searchRange = 2 ** entrySelector * 16;
  const padded = (n: number) => (n + 3) & ~3;
  let offset = 12 + 16 * numTables;
  const out = Buffer.alloc(offset + tables.reduce((sum, t) => sum + padded(t.data.length), 0));
  out.writeUInt32BE(woff.readUInt32BE(4), 0); // flavor: the sfnt version
  out.writeUInt16BE(numTables, 4);
  out.writeUInt16BE(searchRange, 6);
  out.writeUInt16BE(entrySelector, 8);
  out.writeUInt16BE(numTables * 16 - searchRange, 10);
  tables.forEach((table, i) => {
    const record = 12 + i * 16;
    table.tag.copy(out, record);
    out.writeUInt32BE(table.checksum, record + 4);
    out.writeUInt32BE(offset, record + 8);
    out.writeUInt32BE(table.data.length, record + 12);
    table.data.copy(out, offset);
    offset += padded(table.data.length);
  });
  return out;
}
