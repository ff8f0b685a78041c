/** A variable reference: `pkgs`, `config`, `lib`. */
export interface NixIdent {
  readonly kind: "ident";
  readonly name: string;
}

/**
 * UNCHECKED Nix source text, printed verbatim. The only escape hatch of the AST: the
 * printer cannot vouch that it parses or means what you think. The printer wraps it in
 * parentheses wherever a position needs more than a full expression.
 */
export interface NixRaw {
  readonly kind: "raw";
  readonly text: string;
}
