-- French full-text search that ignores accents ("epicerie" finds "Épicerie"), for the pôle inbox's search on a
-- project's title and description (PoleQueries: to_tsvector('french_unaccent', …) @@ websearch_to_tsquery(…)).
-- EF Core's model cannot express a text search configuration nor this expression index, hence raw SQL.
-- unaccent is a trusted extension (PostgreSQL 13+): the database owner may create it.
CREATE EXTENSION IF NOT EXISTS unaccent;

DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'french_unaccent') THEN
        CREATE TEXT SEARCH CONFIGURATION french_unaccent (COPY = french);
        ALTER TEXT SEARCH CONFIGURATION french_unaccent ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
    END IF;
END $$;

-- The same expression as the query's, so that PostgreSQL uses the index.
CREATE INDEX ix_projects_search ON projects USING gin (to_tsvector('french_unaccent', title || ' ' || coalesce(summary, '')));
