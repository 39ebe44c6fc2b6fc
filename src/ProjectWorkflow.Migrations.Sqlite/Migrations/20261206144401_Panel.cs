using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProjectWorkflow.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Panel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Field",
                table: "PanelMembers",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Replaces",
                table: "PanelMembers",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ExpertProfiles",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Expert = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Fields = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExpertProfiles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ExpertRelations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ExpertProfileId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Uscc = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    SchemeKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Year = table.Column<int>(type: "INTEGER", nullable: true),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExpertRelations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExpertRelations_ExpertProfiles_ExpertProfileId",
                        column: x => x.ExpertProfileId,
                        principalTable: "ExpertProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ExpertProfiles_Expert",
                table: "ExpertProfiles",
                column: "Expert",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExpertRelations_ExpertProfileId",
                table: "ExpertRelations",
                column: "ExpertProfileId");

            migrationBuilder.CreateIndex(
                name: "IX_ExpertRelations_Uscc",
                table: "ExpertRelations",
                column: "Uscc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExpertRelations");

            migrationBuilder.DropTable(
                name: "ExpertProfiles");

            migrationBuilder.DropColumn(
                name: "Field",
                table: "PanelMembers");

            migrationBuilder.DropColumn(
                name: "Replaces",
                table: "PanelMembers");
        }
    }
}
