using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrajectoirEss.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AccountChangesAreNotified : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Every instance keeps the accounts its session checks read (SessionAccountCache) and listens on this
            // channel to forget one as soon as what a session depends on changes, whoever changes it.
            migrationBuilder.Sql(
                """
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
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                DROP TRIGGER account_truncations_notified ON "AspNetUsers";
                DROP TRIGGER account_deletions_notified ON "AspNetUsers";
                DROP TRIGGER account_changes_notified ON "AspNetUsers";
                DROP FUNCTION notify_account_change();
                """);
        }
    }
}
