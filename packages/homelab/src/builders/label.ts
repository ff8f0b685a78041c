import { describeValue } from "./issues.ts";

/**
 * How a call is named in messages: `container("immich")`, `homelab({…})`.
 * @example callLabel("container", "immich") // 'container("immich")'
 */
export function callLabel(builder: string, name?: unknown): string {
  if (name === undefined) return `${builder}({…})`;
  return `${builder}(${typeof name === "string" ? JSON.stringify(name) : describeValue(name)})`;
}
