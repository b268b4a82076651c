using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrajectoirEss.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class InboxCountsIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_projects_pole_id_status",
                table: "projects");

            migrationBuilder.CreateIndex(
                name: "ix_projects_pole_id_status_submitted_at",
                table: "projects",
                columns: new[] { "pole_id", "status", "submitted_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_projects_pole_id_status_submitted_at",
                table: "projects");

            migrationBuilder.CreateIndex(
                name: "ix_projects_pole_id_status",
                table: "projects",
                columns: new[] { "pole_id", "status" });
        }
    }
}
