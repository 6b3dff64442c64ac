// bidi-js ships no types; this declares the part of its API the PDF layout uses.
declare module 'bidi-js' {
  interface Bidi {
    /** Resolved embedding level of every UTF-16 code unit of the text (UAX #9, rules up to L1). */
    getEmbeddingLevels(
      text: string,
      baseDirection?: 'ltr' | 'rtl' | 'auto',
    ): { levels: Uint8Array; paragraphs: { start: number; end: number; level: number }[] };
    getMirroredCharacter(char: string): string | null;
  }
  export default function bidiFactory(): Bidi;
}
