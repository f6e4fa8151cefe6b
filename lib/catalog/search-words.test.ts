import { describe, expect, it } from "vitest";
import { buildTsQuery, corrections, searchWords } from "./search-words";

describe("searchWords", () => {
  it("lower-cases, strips accents and punctuation", () => {
    expect(searchWords("Crème  Fraîche, 20%!")).toEqual(["creme", "fraiche", "20"]);
  });

  it("drops one-letter and absurdly long words, duplicates and anything past six words", () => {
    expect(searchWords(`a tea tea ${"x".repeat(31)}`)).toEqual(["tea"]);
    expect(searchWords("one two three four five six seven")).toHaveLength(6);
  });

  it("leaves nothing of SQL or HTML but plain words", () => {
    expect(searchWords("'; drop table products; --")).toEqual(["drop", "table", "products"]);
    expect(searchWords("<script>alert(1)</script>")).toEqual(["script", "alert"]);
  });
});

describe("buildTsQuery", () => {
  it("offers the typed word as a prefix or the catalog's nearest words", () => {
    expect(buildTsQuery([{ input: "bananna", near: ["banana", "bananas"] }])).toBe("(bananna:* | banana | bananas)");
  });

  it("requires every word by default and can accept any", () => {
    const matches = [
      { input: "organic", near: ["organic"] },
      { input: "tea", near: [] },
    ];
    expect(buildTsQuery(matches)).toBe("(organic:*) & (tea:*)");
    expect(buildTsQuery(matches, "|")).toBe("(organic:*) | (tea:*)");
  });

  it("ignores catalog words that are not plain lexemes", () => {
    expect(buildTsQuery([{ input: "greek", near: ["greek-style", "greek"] }])).toBe("(greek:*)");
  });

  it("is null without words", () => {
    expect(buildTsQuery([])).toBeNull();
  });
});

describe("corrections", () => {
  it("names the words that were replaced", () => {
    expect(
      corrections([
        { input: "bananna", near: ["banana"] },
        { input: "milk", near: ["milk", "milky"] },
        { input: "zzz", near: [] },
      ]),
    ).toEqual([{ from: "bananna", to: "banana" }]);
  });
});
