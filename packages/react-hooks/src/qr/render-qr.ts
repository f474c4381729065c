import { encode } from "uqr";

/** A QR code ready to draw: one SVG path of the dark modules, in module units. */
export interface QrImage {
  /** Width and height in modules, quiet zone included (the SVG viewBox is `0 0 size size`). */
  size: number;
  /** SVG path data of every dark module, one closed run per horizontal stretch. */
  path: string;
  /** A standalone SVG document (white background, black modules). */
  svg: string;
}

/** How to encode: error correction level and quiet zone. */
export interface RenderQrOptions {
  /** Error correction: `M` (default) survives glare and a scuffed screen. */
  ecc?: "L" | "M" | "Q" | "H";
  /** Light modules around the code; the QR standard asks for 4 (the default). */
  border?: number;
}

/**
 * Encodes `value` as a QR code and draws it as a compact SVG: horizontal runs of dark modules
 * merged into one path, a few hundred bytes for a typical payment URL.
 * @example
 * const { svg } = renderQr("https://gqr.alipay.com/p/abc");
 */
export function renderQr(value: string, options: RenderQrOptions = {}): QrImage {
  const { size, data } = encode(value, { ecc: options.ecc ?? "M", border: options.border ?? 4 });
  let path = "";
  data.forEach((row, y) => {
    // Each run of dark modules in a row is one rectangle, one module high.
    for (const { index, 0: run } of row.map(Number).join("").matchAll(/1+/g)) {
      path += `M${index} ${y}h${run.length}v1h-${run.length}z`;
    }
  });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges"><path fill="#fff" d="M0 0h${size}v${size}H0z"/><path d="${path}"/></svg>`;
  return { size, path, svg };
}
