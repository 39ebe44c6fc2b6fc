using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProjectWorkflow.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class InvoiceClaims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "InvoiceClaims",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    InvoiceNumber = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    ClaimantKind = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    ClaimantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ClaimantNumber = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    SchemeKey = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    ClaimedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InvoiceClaims", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_InvoiceClaims_ClaimantKind_ClaimantId",
                table: "InvoiceClaims",
                columns: new[] { "ClaimantKind", "ClaimantId" });

            migrationBuilder.CreateIndex(
                name: "IX_InvoiceClaims_InvoiceNumber",
                table: "InvoiceClaims",
                column: "InvoiceNumber",
                unique: true);

            // Copy the claims of the live applications (submitted and beyond, not withdrawn or rejected) from their
            // comma-separated invoice column; where two already claim one invoice, the earlier submission keeps it.
            migrationBuilder.Sql("""
                INSERT INTO [InvoiceClaims] ([Id], [InvoiceNumber], [ClaimantKind], [ClaimantId], [ClaimantNumber], [SchemeKey], [ClaimedAt])
                SELECT NEWID(), x.InvoiceNumber, 'application', x.Id, x.Number, x.SchemeKey, x.ClaimedAt
                FROM (
                    SELECT a.[Id], a.[Number], a.[SchemeKey], COALESCE(a.[SubmittedAt], a.[UpdatedAt]) AS ClaimedAt,
                           UPPER(REPLACE(TRIM(s.value), ' ', '')) AS InvoiceNumber,
                           ROW_NUMBER() OVER (PARTITION BY UPPER(REPLACE(TRIM(s.value), ' ', '')) ORDER BY COALESCE(a.[SubmittedAt], a.[UpdatedAt])) AS n
                    FROM [FundingApplications] a CROSS APPLY STRING_SPLIT(a.[InvoiceNumbers], ',') s
                    WHERE a.[Status] NOT IN ('draft', 'withdrawn', 'rejected') AND TRIM(s.value) <> ''
                ) x
                WHERE x.n = 1;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InvoiceClaims");
        }
    }
}
