/**
 * Splits an attribute name into lower-case words, in any style: camelCase, snake_case,
 * kebab-case, dotted, and ALLCAPS or all-lower with no separator at all (`ADMINPASSWORD`,
 * `pgpassfile`), which a dictionary splits. Each word says whether it counts as a secret word
 * where it stands (`password` in `adminpassword` does, `pass` in `bypass` does not).
 */
import {
  COMMON_WORDS, HASH_WORDS, KEY_MODIFIERS, KEY_WORDS, NEGATING_WORDS, QUALIFIER_WORDS, QUANTITY_WORDS,
  REFERENCE_FIRST_WORDS, REFERENCE_LAST_WORDS, SECRET_CONTAINERS, STRONG_SECRET_WORDS, SWITCH_FIRST_WORDS,
  WEAK_SECRET_WORDS,
} from "./words.ts";

/** One word of a key. */
export interface KeyWord {
  readonly text: string;
  /** A secret word that counts here (see `tokenize.ts`'s rules for glued words). */
  readonly secret: boolean;
}

/** Every word the dictionary splitter knows. */
const VOCABULARY: ReadonlySet<string> = new Set([
  ...STRONG_SECRET_WORDS, ...WEAK_SECRET_WORDS, ...KEY_WORDS, ...KEY_MODIFIERS, ...HASH_WORDS, ...REFERENCE_LAST_WORDS,
  ...REFERENCE_FIRST_WORDS, ...QUALIFIER_WORDS, ...QUANTITY_WORDS, ...NEGATING_WORDS, ...SWITCH_FIRST_WORDS,
  ...SECRET_CONTAINERS, ...COMMON_WORDS,
]);

const LONGEST = Math.max(...[...VOCABULARY].map((w) => w.length));
/** Longer runs are not split (a base64 blob used as a key is not a sentence). */
const MAX_SPLIT = 64;

/**
 * The key's last level: dotted keys (`traefik.http.routers.token-app.rule`, Java-style
 * `spring.datasource.password`) and slashed ones (`db/password`) name a path, and only its
 * last level says what the value is — earlier levels hold user-chosen names.
 * @example lastLevel("traefik.http.middlewares.m.headers.customrequestheaders.X-Api-Key") // "X-Api-Key"
 */
export function lastLevel(key: string): string {
  const levels = key.split(/[./]/).filter((l) => l !== "");
  return levels[levels.length - 1] ?? key;
}

/**
 * Style-level split: separators, camelCase humps (`APIKey` → API, Key), letters/digits.
 * @example splitStyle("dbPassword_FILE") // ["db", "password", "file"]
 */
export function splitStyle(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .replace(/([A-Za-z])([0-9])/g, "$1 $2")
    .replace(/([0-9])([A-Za-z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== "")
    .map((w) => w.toLowerCase());
}

interface Piece {
  readonly text: string;
  readonly known: boolean;
}

/**
 * Splits a run of letters into dictionary words, spending as few letters as possible on
 * unknown stretches (dynamic programming over positions, deterministic tie-break).
 */
function segment(run: string): Piece[] {
  if (VOCABULARY.has(run) || run.length > MAX_SPLIT || /[0-9]/.test(run)) return [{ text: run, known: VOCABULARY.has(run) }];
  const n = run.length;
  // cost[i]: best cost of run[0, i); an unknown letter costs 2, any piece 1 (fewer, longer words win).
  const cost: number[] = [0];
  const from: { start: number; known: boolean }[] = [{ start: 0, known: false }];
  for (let i = 1; i <= n; i++) {
    let best = Number.POSITIVE_INFINITY;
    let pick = { start: i - 1, known: false };
    for (let j = Math.max(0, i - LONGEST); j < i; j++) {
      const word = run.slice(j, i);
      if (word.length < 2 || !VOCABULARY.has(word)) continue;
      const c = cost[j]! + 1;
      if (c < best) [best, pick] = [c, { start: j, known: true }];
    }
    for (let j = 0; j < i; j++) {
      const c = cost[j]! + 2 * (i - j) + 1;
      if (c < best) [best, pick] = [c, { start: j, known: false }];
    }
    cost.push(best);
    from.push(pick);
  }
  const pieces: Piece[] = [];
  for (let i = n; i > 0; ) {
    const { start, known } = from[i]!;
    pieces.unshift({ text: run.slice(start, i), known });
    i = start;
  }
  return pieces;
}

/**
 * Whether each piece of one style-level word counts as a secret word there. A strong word
 * counts unless an unknown rest follows it (`tokenizer`); a weak word only as the whole word or
 * right after a known word with nothing unknown after it (`dbpass`, not `bypass`/`passthrough`).
 * `key` is weak too, and needs a key modifier before it besides (checked in `key-says.ts`).
 */
function countsHere(pieces: readonly Piece[], i: number): boolean {
  const piece = pieces[i]!;
  const restKnown = pieces.slice(i + 1).every((p) => p.known);
  if (STRONG_SECRET_WORDS.has(piece.text)) return restKnown;
  if (WEAK_SECRET_WORDS.has(piece.text) || KEY_WORDS.has(piece.text)) {
    if (pieces.length === 1) return true;
    return i > 0 && pieces[i - 1]!.known && restKnown;
  }
  return false;
}

/**
 * The words of a key, each marked secret where it counts; digits are dropped (they never
 * change what a key means: `OAUTH2_CLIENT_SECRET`, `PASSWORD2`).
 * @example tokenize("ADMINPASSWORD").map((w) => w.text) // ["admin", "password"]
 * @example tokenize("bypass").some((w) => w.secret) // false
 */
export function tokenize(key: string): KeyWord[] {
  const words: KeyWord[] = [];
  for (const run of splitStyle(key)) {
    if (/^[0-9]+$/.test(run)) continue;
    const pieces = segment(run);
    pieces.forEach((p, i) => words.push({ text: p.text, secret: countsHere(pieces, i) }));
  }
  return words;
}
