using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrajectoirEss.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SharingConsentsInTheProjectRow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "sharing",
                table: "projects",
                type: "jsonb",
                nullable: true);

            // The choices move into their project's row, as EF Core writes them (its property names).
            migrationBuilder.Sql("""
                UPDATE projects p SET sharing = s.choices
                FROM (SELECT project_id, jsonb_agg(jsonb_build_object(
                          'StructureId', structure_id, 'Given', given, 'ChangedAt', changed_at,
                          'ChangedBy', changed_by, 'RequestedAt', requested_at) ORDER BY structure_id) AS choices
                      FROM project_sharing_consents GROUP BY project_id) s
                WHERE s.project_id = p.id;
                """);

            migrationBuilder.DropTable(
                name: "project_sharing_consents");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "sharing",
                table: "projects");

            migrationBuilder.CreateTable(
                name: "project_sharing_consents",
                columns: table => new
                {
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    structure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    changed_by = table.Column<Guid>(type: "uuid", nullable: true),
                    given = table.Column<bool>(type: "boolean", nullable: false),
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
                name: "ix_project_sharing_consents_changed_by",
                table: "project_sharing_consents",
                column: "changed_by");

            migrationBuilder.CreateIndex(
                name: "ix_project_sharing_consents_structure_id",
                table: "project_sharing_consents",
                column: "structure_id");
        }
    }
}
