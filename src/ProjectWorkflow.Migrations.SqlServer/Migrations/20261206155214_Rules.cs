using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProjectWorkflow.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Rules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ProgressReports_ApplicationId_Sequence",
                table: "ProgressReports");

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "ProgressReports",
                type: "nvarchar(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "quarterly");

            migrationBuilder.AddColumn<long>(
                name: "LeasedEquipmentFen",
                table: "FundingApplications",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "Lender",
                table: "FundingApplications",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LoanInterestFen",
                table: "FundingApplications",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "SupportMethod",
                table: "FundingApplications",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "InterestEvidence",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    InterestPaidFen = table.Column<long>(type: "bigint", nullable: false),
                    PeriodFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodTo = table.Column<DateOnly>(type: "date", nullable: false),
                    Lender = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    AttachmentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FiledAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    FiledBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    PaymentOrderId = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InterestEvidence", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProjectPoolEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Uscc = table.Column<string>(type: "nvarchar(18)", maxLength: 18, nullable: false),
                    ProjectName = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    NormalisedName = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    PoolYear = table.Column<int>(type: "int", nullable: false),
                    District = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    ImportId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ImportedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ImportedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectPoolEntries", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProgressReports_ApplicationId_Kind_Sequence",
                table: "ProgressReports",
                columns: new[] { "ApplicationId", "Kind", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InterestEvidence_ApplicationId_PaymentOrderId",
                table: "InterestEvidence",
                columns: new[] { "ApplicationId", "PaymentOrderId" });

            migrationBuilder.CreateIndex(
                name: "IX_ProjectPoolEntries_Uscc_NormalisedName_PoolYear",
                table: "ProjectPoolEntries",
                columns: new[] { "Uscc", "NormalisedName", "PoolYear" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InterestEvidence");

            migrationBuilder.DropTable(
                name: "ProjectPoolEntries");

            migrationBuilder.DropIndex(
                name: "IX_ProgressReports_ApplicationId_Kind_Sequence",
                table: "ProgressReports");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "ProgressReports");

            migrationBuilder.DropColumn(
                name: "LeasedEquipmentFen",
                table: "FundingApplications");

            migrationBuilder.DropColumn(
                name: "Lender",
                table: "FundingApplications");

            migrationBuilder.DropColumn(
                name: "LoanInterestFen",
                table: "FundingApplications");

            migrationBuilder.DropColumn(
                name: "SupportMethod",
                table: "FundingApplications");

            migrationBuilder.CreateIndex(
                name: "IX_ProgressReports_ApplicationId_Sequence",
                table: "ProgressReports",
                columns: new[] { "ApplicationId", "Sequence" },
                unique: true);
        }
    }
}
