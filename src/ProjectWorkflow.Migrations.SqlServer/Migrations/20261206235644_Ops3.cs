using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProjectWorkflow.Migrations.SqlServer.Migrations
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
                    AttachmentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Content = table.Column<byte[]>(type: "varbinary(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApplicationAttachmentBlobs", x => x.AttachmentId);
                    table.ForeignKey(
                        name: "FK_ApplicationAttachmentBlobs_ApplicationAttachments_AttachmentId",
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
