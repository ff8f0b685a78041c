export type * from "./containers.ts";
export type * from "./diagnostic.ts";
export type * from "./homelab.ts";
export type * from "./ports.ts";
export type * from "./refs.ts";
export type * from "./routes.ts";
export type * from "./secret.ts";
export { formatSite, type SourceSite } from "./site.ts";
