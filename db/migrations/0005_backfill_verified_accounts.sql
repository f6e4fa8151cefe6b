-- Accounts made before sign-up confirmed e-mail addresses keep signing in: they count as verified.
UPDATE "users" SET "email_verified_at" = "created_at" WHERE "email_verified_at" IS NULL;
