using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrajectoirEss.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PoleStatusCountsFollowTruncate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // TRUNCATE fires no row trigger: without this one, emptying the projects (by hand, or a restore that
            // truncates before loading) would leave the inbox's counts of projects that no longer exist.
            migrationBuilder.Sql(
                """
                CREATE FUNCTION forget_pole_status_counts() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    DELETE FROM pole_status_counts;
                    RETURN NULL;
                END
                $$;
                CREATE TRIGGER projects_truncated_forget_counts
                    AFTER TRUNCATE ON projects
                    FOR EACH STATEMENT EXECUTE FUNCTION forget_pole_status_counts();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                DROP TRIGGER projects_truncated_forget_counts ON projects;
                DROP FUNCTION forget_pole_status_counts();
                """);
        }
    }
}
