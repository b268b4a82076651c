using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrajectoirEss.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SecurityHardening : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "hash",
                table: "audit_entries",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "previous_hash",
                table: "audit_entries",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "sequence",
                table: "audit_entries",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "inactivity_warned_at",
                table: "AspNetUsers",
                type: "timestamp with time zone",
                nullable: true);

            // Entries written before the chain existed are numbered in time order; the `migrate` command
            // then chains them (AuditChain.SealUnchainedAsync), so the hash is computed by the app only.
            migrationBuilder.Sql(
                """
                UPDATE audit_entries AS a SET sequence = n.position
                FROM (SELECT id, row_number() OVER (ORDER BY at, id) AS position FROM audit_entries) AS n
                WHERE a.id = n.id;
                """);

            // With the deployment's separate accounts (deploy/postgres-init), the application's account may add
            // audit entries but neither change nor remove them: only the owner (the migration account) can.
            migrationBuilder.Sql(
                """
                DO $$
                BEGIN
                    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'trajectoiress_app') THEN
                        REVOKE UPDATE, DELETE, TRUNCATE ON audit_entries FROM trajectoiress_app;
                    END IF;
                END $$;
                """);

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_sequence",
                table: "audit_entries",
                column: "sequence",
                unique: true);

            migrationBuilder.DropIndex(
                name: "ix_financing_applications_referral_id",
                table: "financing_applications");

            migrationBuilder.CreateIndex(
                name: "ux_financing_applications_pending",
                table: "financing_applications",
                columns: new[] { "referral_id", "instrument" },
                unique: true,
                filter: "decision = 'Pending'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                DO $$
                BEGIN
                    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'trajectoiress_app') THEN
                        GRANT UPDATE, DELETE ON audit_entries TO trajectoiress_app;
                    END IF;
                END $$;
                """);

            migrationBuilder.DropIndex(
                name: "ux_financing_applications_pending",
                table: "financing_applications");

            migrationBuilder.CreateIndex(
                name: "ix_financing_applications_referral_id",
                table: "financing_applications",
                column: "referral_id");

            migrationBuilder.DropIndex(
                name: "ix_audit_entries_sequence",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "hash",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "previous_hash",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "sequence",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "inactivity_warned_at",
                table: "AspNetUsers");
        }
    }
}
