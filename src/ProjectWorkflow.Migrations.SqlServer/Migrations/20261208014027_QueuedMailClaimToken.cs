using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProjectWorkflow.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class QueuedMailClaimToken : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ClaimToken",
                table: "QueuedMail",
                type: "uniqueidentifier",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ClaimToken",
                table: "QueuedMail");
        }
    }
}
