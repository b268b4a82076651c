using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrajectoirEss.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SharingConsentPerPartner : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "structure_id",
                table: "consents",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "project_sharing_consents",
                columns: table => new
                {
                    structure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    given = table.Column<bool>(type: "boolean", nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    changed_by = table.Column<Guid>(type: "uuid", nullable: true),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_project_sharing_consents", x => new { x.project_id, x.structure_id });
                    table.ForeignKey(
                        name: "fk_project_sharing_consents_asp_net_users_changed_by",
                        column: x => x.changed_by,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_project_sharing_consents_projects_project_id",
                        column: x => x.project_id,
                        principalTable: "projects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_project_sharing_consents_structures_structure_id",
                        column: x => x.structure_id,
                        principalTable: "structures",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_consents_structure_id",
                table: "consents",
                column: "structure_id");

            migrationBuilder.CreateIndex(
                name: "ix_project_sharing_consents_changed_by",
                table: "project_sharing_consents",
                column: "changed_by");

            migrationBuilder.CreateIndex(
                name: "ix_project_sharing_consents_structure_id",
                table: "project_sharing_consents",
                column: "structure_id");

            migrationBuilder.AddForeignKey(
                name: "fk_consents_structures_structure_id",
                table: "consents",
                column: "structure_id",
                principalTable: "structures",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            // Before, one consent covered every partner: a project whose owner's latest consent to share was given
            // is shared with each active structure, as that consent said (dated when it was given).
            migrationBuilder.Sql("""
                INSERT INTO project_sharing_consents (project_id, structure_id, given, changed_at, changed_by)
                SELECT latest.project_id, s.id, TRUE, latest.recorded_at, latest.user_id
                FROM (
                    SELECT DISTINCT ON (c.project_id) c.project_id, c.user_id, c.given, c.recorded_at
                    FROM consents c
                    JOIN project_members m ON m.project_id = c.project_id AND m.user_id = c.user_id AND m.role = 'Owner'
                    WHERE c.kind = 'SharingWithPartners' AND c.structure_id IS NULL
                    ORDER BY c.project_id, c.recorded_at DESC, c.id DESC
                ) latest
                CROSS JOIN structures s
                WHERE latest.given AND s.is_active;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_consents_structures_structure_id",
                table: "consents");

            migrationBuilder.DropTable(
                name: "project_sharing_consents");

            migrationBuilder.DropIndex(
                name: "ix_consents_structure_id",
                table: "consents");

            migrationBuilder.DropColumn(
                name: "structure_id",
                table: "consents");
        }
    }
}
