import { n, type NixExpr } from "@nixjs/expr-printer";
import type { Container } from "../../model/index.ts";
import type { RenderContext } from "../core/context.ts";
import { defaultDomain, exposes, mainPort, optionPath } from "./shared.ts";

/**
 * `containers/<name>/options.nix` (seed 001): `enable`, and when it has them, `port` (the
 * port its route targets, `types.port`) and `domain` (the host name its route answers to,
 * defaulting to a reference to the flake's `domain`).
 */
export function optionsBody(ctx: RenderContext, c: Container, namespace: string): NixExpr {
  const options = [n.bind("enable", n.call("lib.mkEnableOption", `${c.name} container`))];
  const port = mainPort(c);
  if (port !== undefined) {
    options.push(
      n.bind(
        "port",
        n.call(
          "lib.mkOption",
          n.attrs([
            n.bind("type", n.select("lib.types.port")),
            n.bind("default", port),
            n.bind("description", c.routes.length > 0 ? `Port the ${c.name} route targets.` : `Port of ${c.name}.`),
          ]),
        ),
      ),
    );
  }
  const domain = defaultDomain(ctx, c);
  if (domain !== undefined) {
    options.push(
      n.bind(
        "domain",
        n.call(
          "lib.mkOption",
          n.attrs([
            n.bind("type", n.select("lib.types.str")),
            n.bind("default", domain),
            n.bind("description", `Host name the reverse proxy serves ${c.name} on.`),
          ]),
        ),
      ),
    );
  }
  if (c.backend === "podman" && exposes(ctx, "image")) {
    options.push(n.bind("image", mkOption("lib.types.str", n.str(c.image), `Image of ${c.name}, with its tag or digest.`)));
  }
  if (c.backend === "nspawn" && exposes(ctx, "autoStart")) {
    options.push(n.bind("autoStart", mkOption("lib.types.bool", n.bool(c.autoStart), `Whether ${c.name} starts at boot.`)));
  }
  return n.attrs([n.bind(["options", ...optionPath(namespace, c)], n.attrs(options))]);
}

/** `lib.mkOption { type; default; description; }` */
function mkOption(type: string, value: NixExpr, description: string): NixExpr {
  return n.call("lib.mkOption", n.attrs([n.bind("type", n.select(type)), n.bind("default", value), n.bind("description", description)]));
}
