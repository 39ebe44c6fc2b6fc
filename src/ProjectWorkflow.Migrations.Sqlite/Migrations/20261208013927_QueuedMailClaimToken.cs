using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProjectWorkflow.Migrations.Sqlite.Migrations
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
                type: "TEXT",
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
