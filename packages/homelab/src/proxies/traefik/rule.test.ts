/** Router rules in Traefik v3 syntax (its rules reference: `Host`, `PathPrefix`, `PathRegexp`, `ClientIP`). */
import { n, print } from "@nixjs/expr-printer";
import { describe, expect, test } from "vitest";
import { quoted, routeRule } from "./rule.ts";

/** The rule as a printed Nix string, with the host given literally. */
const printed = (e: Parameters<typeof print>[0]): string => print(e).trimEnd();
const rule = (match: Parameters<typeof routeRule>[1]): string => printed(n.str(routeRule(["app.example.org"], match)));

describe("routeRule", () => {
  test("a host alone", () => {
    expect(rule({ clients: [] })).toBe('"Host(`app.example.org`)"');
  });

  test("a path prefix, a regex path", () => {
    expect(rule({ path: { kind: "prefix", prefix: "/api", strip: true }, clients: [] })).toBe('"Host(`app.example.org`) && PathPrefix(`/api`)"');
    expect(rule({ path: { kind: "regex", pattern: "^/api/v[0-9]+/" }, clients: [] })).toBe('"Host(`app.example.org`) && PathRegexp(`^/api/v[0-9]+/`)"');
  });

  test("one client network; several joined with || inside parentheses", () => {
    expect(rule({ clients: ["192.168.0.0/16"] })).toBe('"Host(`app.example.org`) && ClientIP(`192.168.0.0/16`)"');
    expect(rule({ path: { kind: "prefix", prefix: "/admin", strip: false }, clients: ["192.168.0.0/16", "fd00::/8"] })).toBe(
      '"Host(`app.example.org`) && PathPrefix(`/admin`) && (ClientIP(`192.168.0.0/16`) || ClientIP(`fd00::/8`))"',
    );
  });

  test("the domain stays a reference; ${ in a regex is escaped for Nix", () => {
    expect(printed(n.str(routeRule(["app.", n.id("domain")], { clients: [] })))).toBe('"Host(`app.${domain}`)"');
    expect(printed(n.str(routeRule(["x.org"], { path: { kind: "regex", pattern: "^/a{2}${x}" }, clients: [] })))).toBe('"Host(`x.org`) && PathRegexp(`^/a{2}\\${x}`)"');
  });

  test("a backquote in a value: a Go double-quoted string instead", () => {
    expect(quoted("/a`b")).toBe('"/a`b"');
    expect(quoted('^/"x\\d')).toBe('`^/"x\\d`');
    expect(quoted('`"\\')).toBe('"`\\"\\\\"');
  });
});
