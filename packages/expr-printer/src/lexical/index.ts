export { encodeIndented, isVerbatimIndented, preferIndented, type IndentedEncoding } from "./indented.ts";
export {
  attrNameProblem,
  binderProblem,
  formatAttrName,
  identifierProblem,
  isIdentifier,
  KEYWORDS,
  LITERAL_NAMES,
} from "./names.ts";
export {
  floatProblem,
  formatUnsignedFloat,
  INT64_MAX,
  INT64_MIN,
  intProblem,
  MIN_NORMAL,
} from "./numbers.ts";
export { pathForm, pathProblem, searchPathProblem, type PathForm } from "./paths.ts";
export {
  encodeDoubleQuoted,
  escapeDoubleQuotedText,
  mergeTextParts,
  stringProblem,
  type EncodedChunk,
} from "./strings.ts";
