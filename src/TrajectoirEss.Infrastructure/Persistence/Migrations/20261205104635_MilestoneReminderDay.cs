using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrajectoirEss.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class MilestoneReminderDay : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Nothing to change in the schema: a milestone's RemindedOn is a new key of the sessions' JSON
            // "milestones" column (absent, it reads as null). The migration records the model's change.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
