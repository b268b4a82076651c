using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrajectoirEss.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CampaignReminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "reminders",
                table: "campaigns",
                type: "jsonb",
                nullable: true);

            // The campaigns already there were never reminded.
            migrationBuilder.Sql("UPDATE campaigns SET reminders = '[]'::jsonb WHERE reminders IS NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "reminders",
                table: "campaigns");
        }
    }
}
