export type * from "./bindings.ts";
export type * from "./control.ts";
export type * from "./expr.ts";
export type * from "./functions.ts";
export type * from "./literals.ts";
export type * from "./misc.ts";
export type * from "./names.ts";
export type * from "./operators.ts";
