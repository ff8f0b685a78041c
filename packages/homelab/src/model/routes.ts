/** The route types, from the routing model (kept as a module for the imports that name it). */
export type { CertDomain, PathMatch, Route, RouteHost, RouteMatch, RouteTarget, RouteTls } from "./routing.ts";
export type * from "./middleware.ts";
