/**
 * Splits a command line into words the way a POSIX shell would for plain words: blanks
 * separate, single quotes keep everything, double quotes keep all but `\"` and `\\`, a
 * backslash outside quotes escapes the next character. Expansions stay as written (`$X`),
 * which is what the detector wants to see.
 */

/**
 * @example shellWords(`mysql -u root '-phunter 2' --host="db 1"`) // ["mysql", "-u", "root", "-phunter 2", "--host=db 1"]
 */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let word = "";
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = "";
      inWord = false;
      continue;
    }
    inWord = true;
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      const stop = end < 0 ? line.length : end;
      word += line.slice(i + 1, stop);
      i = stop;
    } else if (c === '"') {
      let j = i + 1;
      for (; j < line.length && line[j] !== '"'; j++) {
        if (line[j] === "\\" && (line[j + 1] === '"' || line[j + 1] === "\\")) j++;
        word += line[j]!;
      }
      i = j;
    } else if (c === "\\" && i + 1 < line.length) {
      word += line[++i]!;
    } else {
      word += c;
    }
  }
  if (inWord) words.push(word);
  return words;
}
