import { MAX_DOCUMENT_BYTES } from '../../../shared/consent.schema';

/** What the server accepts (it checks the content too): PDF, JPEG or PNG. */
export const DOCUMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export const DOCUMENT_ACCEPT = DOCUMENT_TYPES.join(',');

/** A quick check before reading and sending a file: too big, or clearly not a PDF or image. */
export function documentProblem(file: File): 'file_too_big' | 'file_type' | null {
  if (file.size > MAX_DOCUMENT_BYTES) return 'file_too_big';
  if (file.type && !(DOCUMENT_TYPES as readonly string[]).includes(file.type)) return 'file_type';
  return null;
}

/** The file's bytes as base64 (without the data: prefix), as the upload endpoint takes them. */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    // readAsDataURL always yields a string; the type also covers readAsArrayBuffer.
    reader.onload = () =>
      resolve(typeof reader.result === 'string' ? (reader.result.split(',')[1] ?? '') : '');
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}
