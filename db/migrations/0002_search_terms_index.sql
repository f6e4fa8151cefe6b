-- The unique index lets the lexicon refresh concurrently; the trigram index finds near words.
CREATE UNIQUE INDEX search_terms_word_idx ON search_terms (word);
--> statement-breakpoint
CREATE INDEX search_terms_word_trgm_idx ON search_terms USING gist (word gist_trgm_ops);
