import QRCode from 'qrcode';

/** An SVG QR code of a text (medium error correction, a quiet zone of 2 modules), for the check-in screen. */
export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#000000', light: '#ffffff' } });
}
