/** The storefront's pages. */
export type Route =
  | { page: "pos" }
  | { page: "entry"; storeId: string }
  | { page: "print"; storeId: string }
  | { page: "not-found" };

/**
 * The page for a path: `/` is the till, `/entry/:storeId` the customer's Entry Code page and
 * `/print/:storeId` the printable Entry Code. (The Worker answers `/pay/:storeId` itself.)
 * @example
 * matchRoute("/entry/demo-store"); // { page: "entry", storeId: "demo-store" }
 */
export function matchRoute(pathname: string): Route {
  if (pathname === "/" || pathname === "/index.html") return { page: "pos" };
  const match = /^\/(entry|print)\/([A-Za-z0-9_-]{1,64})\/?$/.exec(pathname);
  if (match?.[1] === "entry" && match[2] !== undefined) return { page: "entry", storeId: match[2] };
  if (match?.[1] === "print" && match[2] !== undefined) return { page: "print", storeId: match[2] };
  return { page: "not-found" };
}
