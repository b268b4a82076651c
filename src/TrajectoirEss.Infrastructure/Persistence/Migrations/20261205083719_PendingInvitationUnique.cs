using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrajectoirEss.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PendingInvitationUnique : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Duplicates made before (simultaneous requests): the latest pending invitation per project and address
            // stays, the others are revoked.
            migrationBuilder.Sql("""
                UPDATE project_invitations i SET revoked_at = now()
                WHERE i.accepted_at IS NULL AND i.revoked_at IS NULL
                  AND EXISTS (SELECT 1 FROM project_invitations later
                              WHERE later.project_id = i.project_id AND later.email = i.email
                                AND later.accepted_at IS NULL AND later.revoked_at IS NULL
                                AND (later.invited_at, later.id) > (i.invited_at, i.id));
                """);

            migrationBuilder.CreateIndex(
                name: "ux_project_invitations_pending",
                table: "project_invitations",
                columns: new[] { "project_id", "email" },
                unique: true,
                filter: "accepted_at IS NULL AND revoked_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ux_project_invitations_pending",
                table: "project_invitations");
        }
    }
}
