using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrajectoirEss.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Administration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "structures",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<string>(
                name: "cost_for_porteur",
                table: "programmes",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "duration_months",
                table: "programmes",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "format",
                table: "programmes",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "max_amount",
                table: "programmes",
                type: "numeric(12,2)",
                precision: 12,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "min_amount",
                table: "programmes",
                type: "numeric(12,2)",
                precision: 12,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "target_stage",
                table: "programmes",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "programmes",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<bool>(
                name: "is_active",
                table: "poles",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "poles",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "xmin",
                table: "structures");

            migrationBuilder.DropColumn(
                name: "cost_for_porteur",
                table: "programmes");

            migrationBuilder.DropColumn(
                name: "duration_months",
                table: "programmes");

            migrationBuilder.DropColumn(
                name: "format",
                table: "programmes");

            migrationBuilder.DropColumn(
                name: "max_amount",
                table: "programmes");

            migrationBuilder.DropColumn(
                name: "min_amount",
                table: "programmes");

            migrationBuilder.DropColumn(
                name: "target_stage",
                table: "programmes");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "programmes");

            migrationBuilder.DropColumn(
                name: "is_active",
                table: "poles");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "poles");
        }
    }
}
