/**
 * The one table of signature algorithms: the wire name on the left, the WebCrypto parameters on
 * the right (the node:crypto provider names its digest itself). Anything not listed here is
 * refused.
 */
export const SIGNATURE_ALGORITHMS = {
  RSA256: {
    /** WebCrypto algorithm name. */
    name: "RSASSA-PKCS1-v1_5",
    /** WebCrypto hash name, fixed at import time on the key. */
    hash: "SHA-256",
    /** Smallest accepted RSA modulus. */
    minModulusBits: 2048,
  },
} as const;

/** Wire name of a supported signature algorithm. */
export type SignatureAlgorithm = keyof typeof SIGNATURE_ALGORITHMS;

/** Parameters of the only algorithm the protocol uses. */
export const RSA256 = SIGNATURE_ALGORITHMS.RSA256;
