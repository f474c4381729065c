import { renderSVG } from "uqr";

/**
 * The printable Entry Code: a QR code of the store's absolute `/pay/:storeId` URL, as SVG.
 * Error correction M survives a scuffed counter sticker; the 4-module quiet zone is the minimum
 * the QR specification asks for.
 */
export function entryCodeSvg(payPageUrl: string): string {
  return renderSVG(payPageUrl, { ecc: "M", border: 4, pixelSize: 8 });
}
