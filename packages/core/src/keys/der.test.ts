import { describe, expect, test } from "vitest";
import { children, encodeTlv, readTlv, SEQUENCE } from "./der.ts";

describe("readTlv", () => {
  test("reads short and long definite lengths", () => {
    expect(readTlv(new Uint8Array([0x02, 0x01, 0x05]), 0)).toStrictEqual({
      tag: 2,
      start: 2,
      end: 3,
    });
    const long = new Uint8Array(3 + 0x81);
    long.set([0x04, 0x81, 0x81]);
    expect(readTlv(long, 0)).toStrictEqual({ tag: 4, start: 3, end: 3 + 0x81 });
  });

  test("refuses lengths that overrun the buffer, indefinite lengths and huge length fields", () => {
    expect(readTlv(new Uint8Array([0x02, 0x05, 0x01]), 0)).toBeUndefined();
    expect(readTlv(new Uint8Array([0x30, 0x80, 0x00, 0x00]), 0)).toBeUndefined();
    expect(readTlv(new Uint8Array([0x30, 0x85, 1, 1, 1, 1, 1]), 0)).toBeUndefined();
    expect(readTlv(new Uint8Array([0x30]), 0)).toBeUndefined();
  });
});

describe("children", () => {
  test("lists the elements that tile a sequence", () => {
    const der = new Uint8Array([0x30, 0x05, 0x02, 0x01, 0x01, 0x05, 0x00]);
    expect(children(der, { tag: 0x30, start: 2, end: 7 })).toStrictEqual([
      { tag: 2, start: 4, end: 5 },
      { tag: 5, start: 7, end: 7 },
    ]);
  });

  test("gives undefined when an element runs past its parent", () => {
    const der = new Uint8Array([0x30, 0x03, 0x02, 0x05, 0x01]);
    expect(children(der, { tag: 0x30, start: 2, end: 5 })).toBeUndefined();
  });
});

describe("encodeTlv", () => {
  test("writes short and long lengths that readTlv reads back", () => {
    expect([...encodeTlv(SEQUENCE, new Uint8Array([1, 2]), new Uint8Array([3]))]).toStrictEqual([
      0x30, 0x03, 1, 2, 3,
    ]);
    const big = encodeTlv(SEQUENCE, new Uint8Array(300));
    expect([...big.subarray(0, 4)]).toStrictEqual([0x30, 0x82, 0x01, 0x2c]);
    expect(readTlv(big, 0)).toStrictEqual({ tag: 0x30, start: 4, end: 304 });
  });
});
