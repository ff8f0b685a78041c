export { encodeIndented, preferIndented, type IndentedEncoding } from "./indented.ts";
export { formatAttrName, isIdentifier, KEYWORDS } from "./names.ts";
export { floatProblem, formatUnsignedFloat, intProblem } from "./numbers.ts";
export { pathForm, pathProblem, type PathForm } from "./paths.ts";
export { encodeDoubleQuoted, escapeDoubleQuotedText, type EncodedChunk } from "./strings.ts";
