// A module-resolution hook (`module.register`) that adds the `@nixjs/source` export condition:
// inside this repository, `@nixjs/*` then resolve to their TypeScript sources (`src/`) instead
// of their build (`dist/`), as `node --conditions=@nixjs/source` would. `synth.ts` registers it,
// so that `npx tsx synth` runs the sources without a build and without a flag.
export async function resolve(specifier, context, nextResolve) {
  const conditions = context.conditions.includes("@nixjs/source") ? context.conditions : [...context.conditions, "@nixjs/source"];
  return nextResolve(specifier, { ...context, conditions });
}
