-- The audit trail (audit_entries) is append-only for the application: with the deployment's separate accounts
-- (deploy/postgres-init/01-app-role.sh: the owner runs the migrations, trajectoiress_app serves the portal and
-- gets row privileges on every table by default), the application's account may add audit entries but neither
-- change nor remove them; only the owner (the migration account) can. The hash chain (AuditChain) shows any
-- change made anyway; this keeps the app itself, or someone holding its password, from making one.
-- Without that role (scripts/run.sh, the tests: one account owns everything) it does nothing.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'trajectoiress_app') THEN
        REVOKE UPDATE, DELETE, TRUNCATE ON audit_entries FROM trajectoiress_app;
    END IF;
END $$;
