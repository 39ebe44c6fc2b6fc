using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProjectWorkflow.Migrations.Sqlite.Migrations
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InvoiceNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ClaimantKind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ClaimantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClaimantNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SchemeKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ClaimedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                WITH RECURSIVE split(Id, Number, SchemeKey, ClaimedAt, Invoice, Rest) AS (
                    SELECT Id, Number, SchemeKey, COALESCE(SubmittedAt, UpdatedAt), '', InvoiceNumbers || ','
                    FROM FundingApplications
                    WHERE Status NOT IN ('draft', 'withdrawn', 'rejected') AND InvoiceNumbers <> ''
                    UNION ALL
                    SELECT Id, Number, SchemeKey, ClaimedAt, substr(Rest, 1, instr(Rest, ',') - 1), substr(Rest, instr(Rest, ',') + 1)
                    FROM split WHERE Rest <> ''
                )
                INSERT OR IGNORE INTO InvoiceClaims (Id, InvoiceNumber, ClaimantKind, ClaimantId, ClaimantNumber, SchemeKey, ClaimedAt)
                SELECT upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(6))),
                       upper(replace(trim(Invoice), ' ', '')), 'application', Id, Number, SchemeKey, ClaimedAt
                FROM split WHERE trim(Invoice) <> ''
                ORDER BY ClaimedAt;
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
