#!/usr/bin/env bash
# Runs once, when the PostgreSQL volume is created: an application role that can read and write the
# rows of the tables the owner (the migration account) creates, and cannot change the schema.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v app_password="$TRAJECTOIRESS_DB_PASSWORD" <<'SQL'
CREATE ROLE trajectoiress_app LOGIN PASSWORD :'app_password';
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO trajectoiress_app;
ALTER DEFAULT PRIVILEGES FOR ROLE trajectoiress_owner IN SCHEMA public
  GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO trajectoiress_app;
ALTER DEFAULT PRIVILEGES FOR ROLE trajectoiress_owner IN SCHEMA public
  GRANT USAGE, SELECT ON SEQUENCES TO trajectoiress_app;
SQL
