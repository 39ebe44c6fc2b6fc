using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProjectWorkflow.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Ops3 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ApplicationAttachmentBlobs",
                columns: table => new
                {
                    AttachmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApplicationAttachmentBlobs", x => x.AttachmentId);
                    table.ForeignKey(
                        name: "FK_ApplicationAttachmentBlobs_ApplicationAttachments_Attachmen~",
                        column: x => x.AttachmentId,
                        principalTable: "ApplicationAttachments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApplicationAttachmentBlobs");
        }
    }
}
