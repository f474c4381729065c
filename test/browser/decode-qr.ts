/**
 * Reads a QR code from a PNG screenshot: Chromium decodes the PNG into pixels (on a blank page,
 * out of reach of any page's Content-Security-Policy), jsQR finds and decodes the code in Node.
 */
import jsQR from "jsqr";
import type { BrowserContext } from "playwright-core";

/** The text of the QR code in `png`, or null when none is found. */
export async function decodeQrPng(
  context: BrowserContext,
  png: Uint8Array,
): Promise<string | null> {
  const scratch = await context.newPage();
  try {
    const image = await scratch.evaluate(async (base64) => {
      const blob = await (await fetch(`data:image/png;base64,${base64}`)).blob();
      const bitmap = await createImageBitmap(blob);
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context2d = canvas.getContext("2d");
      if (context2d === null) throw new Error("no 2d canvas context");
      context2d.drawImage(bitmap, 0, 0);
      const { data } = context2d.getImageData(0, 0, bitmap.width, bitmap.height);
      return { width: bitmap.width, height: bitmap.height, data: Array.from(data) };
    }, Buffer.from(png).toString("base64"));
    const found = jsQR(Uint8ClampedArray.from(image.data), image.width, image.height);
    return found?.data ?? null;
  } finally {
    await scratch.close();
  }
}
