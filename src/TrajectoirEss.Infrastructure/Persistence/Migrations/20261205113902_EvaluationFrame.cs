using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrajectoirEss.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class EvaluationFrame : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "referentials",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    version_number = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    previous_version_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    consultation_opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    replaced_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    adoption_adopted_by = table.Column<Guid>(type: "uuid", nullable: true),
                    adoption_adopted_on = table.Column<DateOnly>(type: "date", nullable: true),
                    adoption_body_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    adoption_recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    adoption_session_id = table.Column<Guid>(type: "uuid", nullable: true),
                    consultation = table.Column<string>(type: "jsonb", nullable: true),
                    criteria = table.Column<string>(type: "jsonb", nullable: true),
                    indicators = table.Column<string>(type: "jsonb", nullable: true),
                    questions = table.Column<string>(type: "jsonb", nullable: true),
                    values = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_referentials", x => x.id);
                    table.ForeignKey(
                        name: "fk_referentials_referentials_previous_version_id",
                        column: x => x.previous_version_id,
                        principalTable: "referentials",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "campaigns",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    referential_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    frozen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    organisations = table.Column<string[]>(type: "character varying(60)[]", nullable: false),
                    computed_values = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_campaigns", x => x.id);
                    table.ForeignKey(
                        name: "fk_campaigns_referentials_referential_id",
                        column: x => x.referential_id,
                        principalTable: "referentials",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "campaign_declared_values",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    indicator_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    value = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    return_comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    last_changed_by = table.Column<Guid>(type: "uuid", nullable: false),
                    last_changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    campaign_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_campaign_declared_values", x => x.id);
                    table.ForeignKey(
                        name: "fk_campaign_declared_values_campaigns_campaign_id",
                        column: x => x.campaign_id,
                        principalTable: "campaigns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_campaign_declared_values_campaign_id_organisation_indicator",
                table: "campaign_declared_values",
                columns: new[] { "campaign_id", "organisation", "indicator_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_campaigns_referential_id",
                table: "campaigns",
                column: "referential_id");

            migrationBuilder.CreateIndex(
                name: "ix_campaigns_year",
                table: "campaigns",
                column: "year",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_referentials_previous_version_id",
                table: "referentials",
                column: "previous_version_id");

            migrationBuilder.CreateIndex(
                name: "ix_referentials_version_number",
                table: "referentials",
                column: "version_number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_referentials_in_preparation",
                table: "referentials",
                column: "status",
                unique: true,
                filter: "status IN ('Draft', 'UnderConsultation')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "campaign_declared_values");

            migrationBuilder.DropTable(
                name: "campaigns");

            migrationBuilder.DropTable(
                name: "referentials");
        }
    }
}
