export function pdfFonts(bytes: Uint8Array): { baseFonts: string[]; type0: boolean; embeddedTrueType: boolean };
export function cjkFontProblem(bytes: Uint8Array): string | null;
