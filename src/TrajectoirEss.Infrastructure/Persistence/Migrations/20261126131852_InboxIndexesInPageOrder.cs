using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrajectoirEss.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class InboxIndexesInPageOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_projects_pole_id_status_submitted_at",
                table: "projects");

            migrationBuilder.DropIndex(
                name: "ix_projects_pole_id_submitted_at",
                table: "projects");

            migrationBuilder.CreateIndex(
                name: "ix_projects_pole_id_status_submitted_at_id",
                table: "projects",
                columns: new[] { "pole_id", "status", "submitted_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_projects_pole_id_submitted_at_id",
                table: "projects",
                columns: new[] { "pole_id", "submitted_at", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_projects_pole_id_status_submitted_at_id",
                table: "projects");

            migrationBuilder.DropIndex(
                name: "ix_projects_pole_id_submitted_at_id",
                table: "projects");

            migrationBuilder.CreateIndex(
                name: "ix_projects_pole_id_status_submitted_at",
                table: "projects",
                columns: new[] { "pole_id", "status", "submitted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_projects_pole_id_submitted_at",
                table: "projects",
                columns: new[] { "pole_id", "submitted_at" });
        }
    }
}
