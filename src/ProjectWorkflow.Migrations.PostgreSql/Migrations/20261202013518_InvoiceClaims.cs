using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProjectWorkflow.Migrations.PostgreSql.Migrations
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InvoiceNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ClaimantKind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ClaimantId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClaimantNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SchemeKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ClaimedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                INSERT INTO "InvoiceClaims" ("Id", "InvoiceNumber", "ClaimantKind", "ClaimantId", "ClaimantNumber", "SchemeKey", "ClaimedAt")
                SELECT gen_random_uuid(), upper(replace(trim(i.invoice), ' ', '')), 'application', a."Id", a."Number", a."SchemeKey", COALESCE(a."SubmittedAt", a."UpdatedAt")
                FROM "FundingApplications" a CROSS JOIN LATERAL unnest(string_to_array(a."InvoiceNumbers", ',')) AS i(invoice)
                WHERE a."Status" NOT IN ('draft', 'withdrawn', 'rejected') AND trim(i.invoice) <> ''
                ORDER BY COALESCE(a."SubmittedAt", a."UpdatedAt")
                ON CONFLICT ("InvoiceNumber") DO NOTHING;
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
