using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProjectWorkflow.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Designer2 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "WorkflowDefinitionDrafts",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    SavedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    SavedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkflowDefinitionDrafts", x => x.Key);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WorkflowDefinitionDrafts");
        }
    }
}
