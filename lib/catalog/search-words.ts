// Turns what a shopper typed into search words, and the corrected words into a tsquery.

const MAX_WORDS = 6;
const MAX_WORD_LENGTH = 30;

/** "Crème  fraîche, 20%!" → ["creme", "fraiche", "20"]: lower case, no accents, letters and digits only. */
export function searchWords(query: string): string[] {
  const plain = query
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();
  const words = plain.split(/[^a-z0-9]+/).filter((w) => w.length >= 2 && w.length <= MAX_WORD_LENGTH);
  return [...new Set(words)].slice(0, MAX_WORDS);
}

export type WordMatch = { input: string; near: string[] };

const lexeme = /^[a-z0-9]+$/;

/**
 * One alternative group per typed word, all required: the word itself (as a prefix once it has
 * three letters) or one of the catalog's nearest words. Only [a-z0-9] reaches the tsquery text.
 */
export function buildTsQuery(matches: WordMatch[], join: "&" | "|" = "&"): string | null {
  const groups = matches
    .map(({ input, near }) => {
      const alternatives = new Set([input.length >= 3 ? `${input}:*` : input]);
      for (const word of near) if (lexeme.test(word) && word !== input) alternatives.add(word);
      return [...alternatives].filter((a) => lexeme.test(a.replace(/:\*$/, "")));
    })
    .filter((g) => g.length > 0)
    .map((g) => `(${g.join(" | ")})`);
  return groups.length ? groups.join(` ${join} `) : null;
}

/** The words the catalog does not have, with the word the search used instead. */
export function corrections(matches: WordMatch[]): { from: string; to: string }[] {
  return matches.filter((m) => m.near.length > 0 && !m.near.includes(m.input)).map((m) => ({ from: m.input, to: m.near[0] }));
}
