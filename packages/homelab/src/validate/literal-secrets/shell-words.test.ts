import { expect, test } from "vitest";
import { shellWords } from "./shell-words.ts";

test.each([
  ["mysql -u root -phunter2", ["mysql", "-u", "root", "-phunter2"]],
  [`a 'b c' "d e"`, ["a", "b c", "d e"]],
  [`--host="db 1"`, ["--host=db 1"]],
  [String.raw`a\ b "c\"d" 'e\f'`, ["a b", 'c"d', String.raw`e\f`]],
  ["  spaced\tout\nlines  ", ["spaced", "out", "lines"]],
  [`''`, [""]],
  [`unterminated 'quote here`, ["unterminated", "quote here"]],
  ["echo $HOME $(pwd)", ["echo", "$HOME", "$(pwd)"]],
])("%j", (line, words) => {
  expect(shellWords(line)).toEqual(words);
});
