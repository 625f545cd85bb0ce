import QRCode from 'qrcode';

/**
 * A QR code as an SVG data URI, rendered on the server (no script, no inline markup: the page
 * shows it as an <img>). Medium error correction survives a smudged print.
 */
export async function qrDataUri(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
}
