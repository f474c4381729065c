import { createSignature, formatSignatureHeader, type KeyInput } from "@ams-edge/core";

/** What the sandbox signs: a response to a call, or a notification it sends. */
export interface MessageToSign {
  /** Path (and query) of the call answered, or of the notify URL. */
  readonly path: string;
  /** The merchant's client id. */
  readonly clientId: string;
  /** The `response-time` or `request-time` header value. */
  readonly time: string;
  /** The exact body sent. */
  readonly body: string;
}

/** Signs messages as the provider does, with the sandbox's own key. */
export interface MessageSigner {
  /** The whole `signature` header for `message`. */
  sign(message: MessageToSign): Promise<string>;
  /**
   * A well-formed `signature` header that does not verify: a real signature, but over a body with
   * one extra space, as if the message had been altered in transit.
   */
  corrupt(message: MessageToSign): Promise<string>;
}

/** Creates a {@link MessageSigner} for the sandbox's private key and key version. */
export function createMessageSigner(
  privateKey: KeyInput,
  keyVersion: string | number,
): MessageSigner {
  const sign = async (message: MessageToSign): Promise<string> => {
    const signature = await createSignature(
      {
        method: "POST",
        path: message.path,
        clientId: message.clientId,
        requestTime: message.time,
        body: message.body,
      },
      privateKey,
    );
    return formatSignatureHeader({ signature, keyVersion });
  };
  return {
    sign,
    corrupt: (message) => sign({ ...message, body: `${message.body} ` }),
  };
}
