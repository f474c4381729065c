import jsQR from "jsqr";
import { describe, expect, it } from "vitest";
import { renderQr } from "./render-qr.ts";

/** Paints the path's runs (`M x y h n v1 h-n z`) into RGBA pixels, `scale` pixels per module. */
function rasterize(path: string, size: number, scale: number): Uint8ClampedArray {
  const width = size * scale;
  const pixels = new Uint8ClampedArray(width * width * 4).fill(255);
  for (const [, x, y, n] of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    for (let px = Number(x) * scale; px < (Number(x) + Number(n)) * scale; px += 1) {
      for (let py = Number(y) * scale; py < (Number(y) + 1) * scale; py += 1) {
        const i = (py * width + px) * 4;
        pixels[i] = pixels[i + 1] = pixels[i + 2] = 0;
      }
    }
  }
  return pixels;
}

describe("renderQr", () => {
  it("draws a QR that a decoder reads back", () => {
    const value = "https://qr.test/p/prq_test_0001?sig=abc%2Fdef";
    const { size, path } = renderQr(value);
    const decoded = jsQR(rasterize(path, size, 4), size * 4, size * 4);
    expect(decoded?.data).toBe(value);
  });

  it("has a quiet zone of 4 modules by default and one path of runs", () => {
    const { size, path, svg } = renderQr("hi", { ecc: "L" });
    expect(size).toBe(21 + 8);
    expect(path.startsWith("M4 4h7v1h-7z")).toBe(true);
    expect(svg).toBe(
      `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 29 29" shape-rendering="crispEdges"><path fill="#fff" d="M0 0h29v29H0z"/><path d="${path}"/></svg>`,
    );
    expect(renderQr("hi", { ecc: "L", border: 0 }).size).toBe(21);
  });
});
