/**
 * Any form a key can be handed to `@ams-edge/core` in: a PEM or bare base64 string (PKCS#8,
 * PKCS#1 or SPKI DER), a JSON Web Key, or an already imported `CryptoKey`.
 */
export type KeyInput = string | JsonWebKey | CryptoKey;
