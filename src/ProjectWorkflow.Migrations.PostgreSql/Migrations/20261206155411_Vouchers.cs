using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ProjectWorkflow.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Vouchers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ServiceProviders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Uscc = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    LegalRepresentative = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Controller = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    BankName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AccountNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RegisteredBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    VettedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    VettedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    StatusReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    StatusChangedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    StatusChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceProviders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "VoucherQuotas",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SchemeKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    ApplicantKind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "uuid", nullable: true),
                    HolderName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Uscc = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    LegalRepresentative = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Controller = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    CertificateNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    TeamName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    TeamPlace = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    TeamMembers = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    RequestedFen = table.Column<long>(type: "bigint", nullable: false),
                    GrantedFen = table.Column<long>(type: "bigint", nullable: false),
                    CommittedFen = table.Column<long>(type: "bigint", nullable: false),
                    RedeemedFen = table.Column<long>(type: "bigint", nullable: false),
                    ReleasedFen = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    LapsesAfter = table.Column<DateOnly>(type: "date", nullable: false),
                    AppliedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    AppliedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecisionReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    LapsedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    InstanceId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VoucherQuotas", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "VoucherRuleSets",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SchemeKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Document = table.Column<string>(type: "text", nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AddedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VoucherRuleSets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProviderServices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProviderId = table.Column<Guid>(type: "uuid", nullable: false),
                    SchemeKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ItemKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    NameZh = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PriceFen = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProviderServices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProviderServices_ServiceProviders_ProviderId",
                        column: x => x.ProviderId,
                        principalTable: "ServiceProviders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VoucherSettlements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProviderId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProviderName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    PayeeAccount = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SchemeKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Cycle = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    ClaimCount = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Attempt = table.Column<int>(type: "integer", nullable: false),
                    PaymentKey = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    ReleasedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ReleasedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PaidAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    BankReference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    RejectionReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VoucherSettlements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VoucherSettlements_ServiceProviders_ProviderId",
                        column: x => x.ProviderId,
                        principalTable: "ServiceProviders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VoucherOrders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    QuotaId = table.Column<Guid>(type: "uuid", nullable: false),
                    SchemeKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    ProviderId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "uuid", nullable: true),
                    ItemKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ContractValueFen = table.Column<long>(type: "bigint", nullable: false),
                    VoucherShareFen = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    PlacedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    PlacedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AnsweredBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DeclineReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Deliverable = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    DeliveredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VoucherOrders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VoucherOrders_ServiceProviders_ProviderId",
                        column: x => x.ProviderId,
                        principalTable: "ServiceProviders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_VoucherOrders_VoucherQuotas_QuotaId",
                        column: x => x.QuotaId,
                        principalTable: "VoucherQuotas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RedemptionClaims",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    OrderId = table.Column<Guid>(type: "uuid", nullable: false),
                    QuotaId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProviderId = table.Column<Guid>(type: "uuid", nullable: false),
                    SchemeKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    InvoiceNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Contract = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    PaymentProof = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Deliverable = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SubmittedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReviewedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ReviewedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReviewReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    NoticeEndsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RedeemedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SettlementId = table.Column<Guid>(type: "uuid", nullable: true),
                    RemindedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RedemptionClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RedemptionClaims_VoucherOrders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "VoucherOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProviderServices_ProviderId_SchemeKey_ItemKey",
                table: "ProviderServices",
                columns: new[] { "ProviderId", "SchemeKey", "ItemKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RedemptionClaims_Number",
                table: "RedemptionClaims",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RedemptionClaims_OrderId",
                table: "RedemptionClaims",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_RedemptionClaims_ProviderId_SchemeKey_Status",
                table: "RedemptionClaims",
                columns: new[] { "ProviderId", "SchemeKey", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_RedemptionClaims_SettlementId",
                table: "RedemptionClaims",
                column: "SettlementId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceProviders_RegisteredBy",
                table: "ServiceProviders",
                column: "RegisteredBy");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceProviders_Uscc",
                table: "ServiceProviders",
                column: "Uscc",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VoucherOrders_EnterpriseId",
                table: "VoucherOrders",
                column: "EnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_VoucherOrders_Number",
                table: "VoucherOrders",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VoucherOrders_ProviderId",
                table: "VoucherOrders",
                column: "ProviderId");

            migrationBuilder.CreateIndex(
                name: "IX_VoucherOrders_QuotaId",
                table: "VoucherOrders",
                column: "QuotaId");

            migrationBuilder.CreateIndex(
                name: "IX_VoucherQuotas_EnterpriseId",
                table: "VoucherQuotas",
                column: "EnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_VoucherQuotas_Number",
                table: "VoucherQuotas",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VoucherQuotas_SchemeKey_Year_Status",
                table: "VoucherQuotas",
                columns: new[] { "SchemeKey", "Year", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_VoucherRuleSets_SchemeKey_Year",
                table: "VoucherRuleSets",
                columns: new[] { "SchemeKey", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VoucherSettlements_PaymentKey",
                table: "VoucherSettlements",
                column: "PaymentKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VoucherSettlements_ProviderId_SchemeKey_Cycle",
                table: "VoucherSettlements",
                columns: new[] { "ProviderId", "SchemeKey", "Cycle" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VoucherSettlements_Status",
                table: "VoucherSettlements",
                column: "Status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProviderServices");

            migrationBuilder.DropTable(
                name: "RedemptionClaims");

            migrationBuilder.DropTable(
                name: "VoucherRuleSets");

            migrationBuilder.DropTable(
                name: "VoucherSettlements");

            migrationBuilder.DropTable(
                name: "VoucherOrders");

            migrationBuilder.DropTable(
                name: "ServiceProviders");

            migrationBuilder.DropTable(
                name: "VoucherQuotas");
        }
    }
}
