import fc from "fast-check";
import { foreignContentType, invalidUtf8, notJsonText } from "./hostile-text.ts";
import { type HttpSpec, insideStringOf, refusal } from "./http-spec.ts";

/** A JSON route and a body it would accept: the transport cases break only how it is sent. */
export interface JsonTarget {
  label: string;
  path: string;
  /** Headers other than Content-Type (e.g. the API key). */
  headers: [string, string][];
  /** A body the route would act on; a field named `pad` in it is ignored by the route. */
  acceptedBody: string;
  /** A string field of `acceptedBody` to put bytes that are not UTF-8 into. */
  textField: string;
  limitBytes: number;
  touches: string[];
}

function spec(
  target: JsonTarget,
  label: string,
  contentType: string | null,
  rest: Pick<HttpSpec, "body" | "expected">,
): HttpSpec {
  return {
    label: `${target.label}: ${label}`,
    method: "POST",
    path: target.path,
    headers: [
      ...target.headers,
      ...(contentType === null ? [] : [["content-type", contentType] as [string, string]]),
    ],
    touches: target.touches,
    ...rest,
  };
}

/**
 * The accepted body under another media type (415), over the size limit with and without a
 * declared length (413), as text that is not JSON or bytes that are not UTF-8 (400).
 */
export function transportCases(target: JsonTarget): fc.Arbitrary<HttpSpec> {
  const json = fc.constantFrom(
    "application/json",
    "application/json; charset=utf-8",
    "APPLICATION/JSON",
  );
  return fc.oneof(
    foreignContentType.map((ct) =>
      spec(target, "content type", ct, {
        body: { text: target.acceptedBody },
        expected: refusal("UNSUPPORTED_MEDIA_TYPE"),
      }),
    ),
    fc
      .tuple(
        json,
        fc.integer({ min: target.limitBytes + 1, max: target.limitBytes * 4 }),
        fc.boolean(),
      )
      .map(([ct, toBytes, chunked]) =>
        spec(target, "oversized", ct, {
          body: {
            text: `{"pad":"@PAD@",${target.acceptedBody.slice(1)}`,
            pad: { marker: "@PAD@", toBytes },
            chunked,
          },
          expected: refusal("BODY_TOO_LARGE"),
        }),
      ),
    fc
      .tuple(json, notJsonText)
      .map(([ct, text]) =>
        spec(target, "not JSON", ct, { body: { text }, expected: refusal("INVALID_JSON") }),
      ),
    fc.tuple(json, invalidUtf8, fc.nat({ max: 2 })).map(([ct, bytes, shift]) =>
      spec(target, "not UTF-8", ct, {
        body: {
          text: target.acceptedBody,
          invalidUtf8: { at: insideStringOf(target.acceptedBody, target.textField) + shift, bytes },
        },
        expected: refusal("INVALID_JSON"),
      }),
    ),
  );
}
