-- Text search set-up. pg_trgm finds the nearest catalog words for misspelt queries; unaccent
-- makes "creme" find "crème". Two configurations: `halles` (English stemming, accents
-- removed) for product documents and queries, `halles_words` (whole words, accents removed)
-- for the typo-correction lexicon.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION halles (COPY = english);
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION halles ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION halles_words (COPY = simple);
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION halles_words ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
