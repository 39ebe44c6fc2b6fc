using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProjectWorkflow.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class portal2 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_ProjectPoolEntries_District",
                table: "ProjectPoolEntries",
                column: "District");

            migrationBuilder.CreateIndex(
                name: "IX_FundingApplications_Uscc",
                table: "FundingApplications",
                column: "Uscc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ProjectPoolEntries_District",
                table: "ProjectPoolEntries");

            migrationBuilder.DropIndex(
                name: "IX_FundingApplications_Uscc",
                table: "FundingApplications");
        }
    }
}
