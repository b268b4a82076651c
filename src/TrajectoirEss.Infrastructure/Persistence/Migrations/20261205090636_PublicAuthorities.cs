using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrajectoirEss.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PublicAuthorities : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "public_authority_id",
                table: "AspNetUsers",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "public_authorities",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    name = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    departement_code = table.Column<string>(type: "character(2)", fixedLength: true, maxLength: 2, nullable: true),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    website = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_public_authorities", x => x.id);
                    table.ForeignKey(
                        name: "fk_public_authorities_departements_departement_code",
                        column: x => x.departement_code,
                        principalTable: "departements",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_asp_net_users_public_authority_id",
                table: "AspNetUsers",
                column: "public_authority_id");

            migrationBuilder.CreateIndex(
                name: "ix_public_authorities_code",
                table: "public_authorities",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_public_authorities_departement_code",
                table: "public_authorities",
                column: "departement_code");

            migrationBuilder.CreateIndex(
                name: "ix_public_authorities_name",
                table: "public_authorities",
                column: "name",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_asp_net_users_public_authorities_public_authority_id",
                table: "AspNetUsers",
                column: "public_authority_id",
                principalTable: "public_authorities",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_asp_net_users_public_authorities_public_authority_id",
                table: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "public_authorities");

            migrationBuilder.DropIndex(
                name: "ix_asp_net_users_public_authority_id",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "public_authority_id",
                table: "AspNetUsers");
        }
    }
}
