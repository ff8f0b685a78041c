export type * from "./model/index.ts";
export { formatSite } from "./model/index.ts";
export { render, type RenderOptions } from "./render/index.ts";
