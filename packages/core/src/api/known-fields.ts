/**
 * The output type of a loose valibot schema without its `[key: string]: unknown` part, nested
 * objects and arrays included: the schemas keep unknown fields, the types name the known ones
 * (an index signature would make every interface-typed value unassignable to them).
 */
export type KnownFields<T> = T extends readonly (infer U)[]
  ? KnownFields<U>[]
  : T extends object
    ? { [K in keyof T as string extends K ? never : K]: KnownFields<T[K]> }
    : T;
