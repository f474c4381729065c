export { type QrImage, type RenderQrOptions, renderQr } from "./render-qr.ts";
