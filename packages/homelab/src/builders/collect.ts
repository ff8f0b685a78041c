/**
 * Builder input problems of a whole config at once. Outside a collection a builder throws its
 * `HomelabInputError` at once (what a test or a script calling `container()` expects); while a
 * config loads under {@link collectInputErrors} (synth does this), a builder with bad input
 * records its error, returns a stand-in of the right kind, and the config goes on, so a config
 * with six bad images reports six errors in one run, each with its own call site.
 */
import { isHomelabInputError, type HomelabInputError } from "../errors/input-error.ts";
import { MODEL_BRAND, type ModelKind } from "../model/brand.ts";

/** On `globalThis` under a registered symbol: two copies of the package share one collection. */
const KEY = Symbol.for("@nixjs/homelab.input-collection");

interface Collection {
  readonly errors: HomelabInputError[];
}

/** Stand-ins returned for calls whose input was rejected; never validated or rendered. */
const STAND_INS = new WeakSet<object>();

function active(): Collection | undefined {
  return (globalThis as { [KEY]?: Collection })[KEY];
}

/**
 * Runs a builder's body; when it rejects its input while a collection is active, records the
 * error and returns `standIn()` instead (branded `kind`, frozen, marked as a stand-in).
 * @example return guarded("secret", () => ({ name, path }), () => build())
 */
export function guarded<T extends object>(kind: ModelKind, standIn: () => object, body: () => T): T {
  try {
    return body();
  } catch (error) {
    const collection = active();
    if (collection === undefined || !isHomelabInputError(error)) throw error;
    collection.errors.push(error);
    const value = { kind, ...standIn() };
    Object.defineProperty(value, MODEL_BRAND, { value: kind, enumerable: false });
    STAND_INS.add(value);
    return Object.freeze(value) as T;
  }
}

/**
 * Like {@link guarded} for builders whose result is not a branded model object (references):
 * the stand-in is returned as it is.
 * @example return guardedValue(() => makeRef(["invalid"]), () => makeRef(parse(path)))
 */
export function guardedValue<T>(standIn: () => T, body: () => T): T {
  try {
    return body();
  } catch (error) {
    const collection = active();
    if (collection === undefined || !isHomelabInputError(error)) throw error;
    collection.errors.push(error);
    return standIn();
  }
}

/**
 * True for the stand-in a builder returned in place of a call whose input it rejected.
 * @example if (isStandIn(lab)) // the homelab() call itself was rejected
 */
export function isStandIn(value: unknown): boolean {
  return typeof value === "object" && value !== null && STAND_INS.has(value);
}

/** What {@link collectInputErrors} found: the outcome of `load`, and every rejected call. */
export interface Collected<T> {
  readonly outcome: { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };
  /** In call order. */
  readonly errors: readonly HomelabInputError[];
}

/**
 * Runs `load` (which evaluates a config) with builders collecting their input errors instead
 * of throwing them. One collection at a time: nested or concurrent calls are refused, since
 * builders find the collection through a global.
 * @example const { outcome, errors } = await collectInputErrors(() => import(configUrl))
 */
export async function collectInputErrors<T>(load: () => Promise<T>): Promise<Collected<T>> {
  const holder = globalThis as { [KEY]?: Collection };
  if (holder[KEY] !== undefined) throw new Error("collectInputErrors: a collection is already active");
  const collection: Collection = { errors: [] };
  holder[KEY] = collection;
  try {
    const value = await load();
    return { outcome: { ok: true, value }, errors: collection.errors };
  } catch (error) {
    return { outcome: { ok: false, error }, errors: collection.errors };
  } finally {
    delete holder[KEY];
  }
}
