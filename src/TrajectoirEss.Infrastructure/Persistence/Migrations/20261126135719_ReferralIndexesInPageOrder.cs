using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrajectoirEss.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ReferralIndexesInPageOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_referrals_structure_id_status",
                table: "referrals");

            migrationBuilder.CreateIndex(
                name: "ix_referrals_structure_id_referred_at_id",
                table: "referrals",
                columns: new[] { "structure_id", "referred_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_referrals_structure_id_status_referred_at_id",
                table: "referrals",
                columns: new[] { "structure_id", "status", "referred_at", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_referrals_structure_id_referred_at_id",
                table: "referrals");

            migrationBuilder.DropIndex(
                name: "ix_referrals_structure_id_status_referred_at_id",
                table: "referrals");

            migrationBuilder.CreateIndex(
                name: "ix_referrals_structure_id_status",
                table: "referrals",
                columns: new[] { "structure_id", "status" });
        }
    }
}
