-- Account changes are announced on the LISTEN/NOTIFY channel account_changes (AccountChangeListener.Channel).
-- Every instance keeps the accounts its session checks read (SessionAccountCache) and listens on this channel to
-- forget one as soon as what a session depends on changes (security stamp, disabled, deleted, two-factor), whoever
-- changes it: another instance, a job, or SQL by hand. The payload is the account's id, or '*' after a TRUNCATE.
CREATE FUNCTION notify_account_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        PERFORM pg_notify('account_changes', '*');
    ELSE
        PERFORM pg_notify('account_changes', OLD.id::text);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER account_changes_notified
    AFTER UPDATE ON "AspNetUsers"
    FOR EACH ROW
    WHEN (OLD.security_stamp IS DISTINCT FROM NEW.security_stamp
        OR OLD.is_disabled IS DISTINCT FROM NEW.is_disabled
        OR OLD.deleted_at IS DISTINCT FROM NEW.deleted_at
        OR OLD.two_factor_enabled IS DISTINCT FROM NEW.two_factor_enabled)
    EXECUTE FUNCTION notify_account_change();

CREATE TRIGGER account_deletions_notified
    AFTER DELETE ON "AspNetUsers"
    FOR EACH ROW EXECUTE FUNCTION notify_account_change();

CREATE TRIGGER account_truncations_notified
    AFTER TRUNCATE ON "AspNetUsers"
    FOR EACH STATEMENT EXECUTE FUNCTION notify_account_change();
