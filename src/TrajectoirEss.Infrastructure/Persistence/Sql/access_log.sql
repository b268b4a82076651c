-- The access log (access_log: who opened which project file, when) is append-only for the application's account,
-- like the audit trail (see audit_protection.sql): with the deployment's separate accounts, trajectoiress_app may
-- add rows but neither change nor remove them. Without that role it does nothing.
DO $$ BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'trajectoiress_app') THEN
        REVOKE UPDATE, DELETE, TRUNCATE ON access_log FROM trajectoiress_app;
    END IF;
END $$;
