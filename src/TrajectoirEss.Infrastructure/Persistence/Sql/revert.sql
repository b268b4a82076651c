-- Undoes the other scripts of this folder, in the reverse order (SqlScripts.Revert, first thing in Initial's Down,
-- before the tables are dropped). The privileges revoked by audit_protection.sql and access_log.sql go with their
-- tables. The unaccent extension stays: it may have been there before, and other database objects may use it.
DROP TRIGGER IF EXISTS account_truncations_notified ON "AspNetUsers";
DROP TRIGGER IF EXISTS account_deletions_notified ON "AspNetUsers";
DROP TRIGGER IF EXISTS account_changes_notified ON "AspNetUsers";
DROP FUNCTION IF EXISTS notify_account_change();

DROP TRIGGER IF EXISTS projects_truncated_forget_counts ON projects;
DROP FUNCTION IF EXISTS forget_pole_status_counts();
DROP TRIGGER IF EXISTS projects_count_by_pole_status ON projects;
DROP FUNCTION IF EXISTS count_projects_by_pole_status();

DROP INDEX IF EXISTS ix_projects_search;
DROP TEXT SEARCH CONFIGURATION IF EXISTS french_unaccent;
