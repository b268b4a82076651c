using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrajectoirEss.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PoleStatusCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "pole_status_counts",
                columns: table => new
                {
                    pole_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pole_status_counts", x => new { x.pole_id, x.status });
                    table.ForeignKey(
                        name: "fk_pole_status_counts_poles_pole_id",
                        column: x => x.pole_id,
                        principalTable: "poles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            // The counts follow every insert, deletion, change of status or of pôle of a project, in its
            // transaction. Both rows a change touches are upserted in key order, so two transactions moving
            // projects in opposite directions wait for each other instead of deadlocking.
            migrationBuilder.Sql(
                """
                CREATE FUNCTION count_projects_by_pole_status() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                    old_pole uuid;
                    old_status text;
                    new_pole uuid;
                    new_status text;
                BEGIN
                    IF TG_OP <> 'INSERT' THEN
                        IF OLD.status <> 'Draft' THEN
                            old_pole := OLD.pole_id;
                            old_status := OLD.status;
                        END IF;
                    END IF;
                    IF TG_OP <> 'DELETE' THEN
                        IF NEW.status <> 'Draft' THEN
                            new_pole := NEW.pole_id;
                            new_status := NEW.status;
                        END IF;
                    END IF;
                    IF old_pole IS NOT DISTINCT FROM new_pole AND old_status IS NOT DISTINCT FROM new_status THEN
                        RETURN NULL;
                    END IF;
                    INSERT INTO pole_status_counts AS c (pole_id, status, count)
                    SELECT d.pole_id, d.status, sum(d.delta)::int
                    FROM (VALUES (old_pole, old_status, -1), (new_pole, new_status, 1)) AS d (pole_id, status, delta)
                    WHERE d.pole_id IS NOT NULL
                    GROUP BY d.pole_id, d.status
                    ORDER BY d.pole_id, d.status
                    ON CONFLICT (pole_id, status) DO UPDATE SET count = c.count + excluded.count;
                    RETURN NULL;
                END
                $$;

                CREATE TRIGGER projects_count_by_pole_status
                    AFTER INSERT OR DELETE OR UPDATE OF pole_id, status ON projects
                    FOR EACH ROW EXECUTE FUNCTION count_projects_by_pole_status();

                INSERT INTO pole_status_counts (pole_id, status, count)
                SELECT pole_id, status, count(*)::int
                FROM projects
                WHERE status <> 'Draft' AND pole_id IS NOT NULL
                GROUP BY pole_id, status;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                DROP TRIGGER projects_count_by_pole_status ON projects;
                DROP FUNCTION count_projects_by_pole_status();
                """);

            migrationBuilder.DropTable(
                name: "pole_status_counts");
        }
    }
}
