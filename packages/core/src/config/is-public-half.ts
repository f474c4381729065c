/**
 * True when the SPKI `publicDer` is the public half of the PKCS#8 `privateDer`. The last 64 bytes
 * of an SPKI's modulus end just before its exponent (`02 03 01 00 01` for 65537, the exponent in
 * use); found inside the private key they are the same modulus. No RSA work.
 */
export function isPublicHalf(privateDer: Uint8Array, publicDer: Uint8Array): boolean {
  const end = publicDer.length - 5;
  if (end < 64 || publicDer[end] !== 2 || publicDer[end + 1] !== 3) return false;
  const latin1 = (bytes: Uint8Array) => String.fromCharCode(...bytes);
  return latin1(privateDer).includes(latin1(publicDer.subarray(end - 64, end)));
}
