using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace TrajectoirEss.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CoordinationPlatform : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "bodies",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bodies", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "strategy_objectives",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    axis_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    axis_label = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    label = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_strategy_objectives", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "body_memberships",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    college = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    from = table.Column<DateOnly>(type: "date", nullable: false),
                    to = table.Column<DateOnly>(type: "date", nullable: true),
                    body_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_body_memberships", x => x.id);
                    table.ForeignKey(
                        name: "fk_body_memberships_bodies_body_id",
                        column: x => x.body_id,
                        principalTable: "bodies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "platform_sessions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    body_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    duration_minutes = table.Column<int>(type: "integer", nullable: false),
                    place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    video_link = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    held_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    cancellation_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    minutes_text = table.Column<string>(type: "character varying(50000)", maxLength: 50000, nullable: true),
                    minutes_visibility = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    minutes_written_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    minutes_written_by = table.Column<Guid>(type: "uuid", nullable: true),
                    semester_half = table.Column<int>(type: "integer", nullable: false),
                    semester_year = table.Column<int>(type: "integer", nullable: false),
                    milestones = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_platform_sessions", x => x.id);
                    table.ForeignKey(
                        name: "fk_platform_sessions_bodies_body_id",
                        column: x => x.body_id,
                        principalTable: "bodies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "body_representatives",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    from = table.Column<DateOnly>(type: "date", nullable: false),
                    to = table.Column<DateOnly>(type: "date", nullable: true),
                    membership_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_body_representatives", x => x.id);
                    table.ForeignKey(
                        name: "fk_body_representatives_body_memberships_membership_id",
                        column: x => x.membership_id,
                        principalTable: "body_memberships",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "commitments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    carrier = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    contributors = table.Column<string[]>(type: "character varying(60)[]", nullable: false),
                    objective_id = table.Column<Guid>(type: "uuid", nullable: false),
                    session_id = table.Column<Guid>(type: "uuid", nullable: true),
                    decision_id = table.Column<Guid>(type: "uuid", nullable: true),
                    due_on = table.Column<DateOnly>(type: "date", nullable: true),
                    due_session_id = table.Column<Guid>(type: "uuid", nullable: true),
                    status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    progress = table.Column<int>(type: "integer", nullable: false),
                    drop_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_update_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_commitments", x => x.id);
                    table.ForeignKey(
                        name: "fk_commitments_platform_sessions_due_session_id",
                        column: x => x.due_session_id,
                        principalTable: "platform_sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_commitments_platform_sessions_session_id",
                        column: x => x.session_id,
                        principalTable: "platform_sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_commitments_strategy_objectives_objective_id",
                        column: x => x.objective_id,
                        principalTable: "strategy_objectives",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "session_agenda_items",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    duration_minutes = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    link = table.Column<string>(type: "character varying(130)", maxLength: 130, nullable: true),
                    session_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_session_agenda_items", x => x.id);
                    table.ForeignKey(
                        name: "fk_session_agenda_items_platform_sessions_session_id",
                        column: x => x.session_id,
                        principalTable: "platform_sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "session_attendances",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    organisation = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    college = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    invited_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    represented_by = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    session_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_session_attendances", x => x.id);
                    table.ForeignKey(
                        name: "fk_session_attendances_platform_sessions_session_id",
                        column: x => x.session_id,
                        principalTable: "platform_sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "session_decisions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    agenda_item_id = table.Column<Guid>(type: "uuid", nullable: true),
                    proposed_by = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    recorded_by = table.Column<Guid>(type: "uuid", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    session_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_session_decisions", x => x.id);
                    table.ForeignKey(
                        name: "fk_session_decisions_platform_sessions_session_id",
                        column: x => x.session_id,
                        principalTable: "platform_sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "commitment_updates",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    narrative = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    progress = table.Column<int>(type: "integer", nullable: false),
                    posted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    author_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    commitment_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_commitment_updates", x => x.id);
                    table.ForeignKey(
                        name: "fk_commitment_updates_commitments_commitment_id",
                        column: x => x.commitment_id,
                        principalTable: "commitments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "session_attendees",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    attendance_id = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_session_attendees", x => x.id);
                    table.ForeignKey(
                        name: "fk_session_attendees_session_attendances_attendance_id",
                        column: x => x.attendance_id,
                        principalTable: "session_attendances",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_body_memberships_body_id_organisation",
                table: "body_memberships",
                columns: new[] { "body_id", "organisation" });

            migrationBuilder.CreateIndex(
                name: "ix_body_memberships_organisation",
                table: "body_memberships",
                column: "organisation");

            migrationBuilder.CreateIndex(
                name: "ix_body_representatives_membership_id",
                table: "body_representatives",
                column: "membership_id");

            migrationBuilder.CreateIndex(
                name: "ix_body_representatives_user_id",
                table: "body_representatives",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_commitment_updates_commitment_id_posted_at",
                table: "commitment_updates",
                columns: new[] { "commitment_id", "posted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_commitments_carrier_status",
                table: "commitments",
                columns: new[] { "carrier", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_commitments_contributors",
                table: "commitments",
                column: "contributors")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_commitments_due_session_id",
                table: "commitments",
                column: "due_session_id");

            migrationBuilder.CreateIndex(
                name: "ix_commitments_objective_id",
                table: "commitments",
                column: "objective_id");

            migrationBuilder.CreateIndex(
                name: "ix_commitments_session_id",
                table: "commitments",
                column: "session_id");

            migrationBuilder.CreateIndex(
                name: "ix_commitments_status_due_on",
                table: "commitments",
                columns: new[] { "status", "due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_platform_sessions_body_id_starts_at",
                table: "platform_sessions",
                columns: new[] { "body_id", "starts_at" });

            migrationBuilder.CreateIndex(
                name: "ix_platform_sessions_status_starts_at",
                table: "platform_sessions",
                columns: new[] { "status", "starts_at" });

            migrationBuilder.CreateIndex(
                name: "ix_session_agenda_items_session_id_position",
                table: "session_agenda_items",
                columns: new[] { "session_id", "position" });

            migrationBuilder.CreateIndex(
                name: "ix_session_attendances_organisation_status",
                table: "session_attendances",
                columns: new[] { "organisation", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_session_attendances_session_id_organisation",
                table: "session_attendances",
                columns: new[] { "session_id", "organisation" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_session_attendees_attendance_id_user_id",
                table: "session_attendees",
                columns: new[] { "attendance_id", "user_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_session_attendees_user_id",
                table: "session_attendees",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_session_decisions_session_id_recorded_at",
                table: "session_decisions",
                columns: new[] { "session_id", "recorded_at" });

            migrationBuilder.CreateIndex(
                name: "ix_strategy_objectives_code",
                table: "strategy_objectives",
                column: "code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "body_representatives");

            migrationBuilder.DropTable(
                name: "commitment_updates");

            migrationBuilder.DropTable(
                name: "session_agenda_items");

            migrationBuilder.DropTable(
                name: "session_attendees");

            migrationBuilder.DropTable(
                name: "session_decisions");

            migrationBuilder.DropTable(
                name: "body_memberships");

            migrationBuilder.DropTable(
                name: "commitments");

            migrationBuilder.DropTable(
                name: "session_attendances");

            migrationBuilder.DropTable(
                name: "strategy_objectives");

            migrationBuilder.DropTable(
                name: "platform_sessions");

            migrationBuilder.DropTable(
                name: "bodies");
        }
    }
}
