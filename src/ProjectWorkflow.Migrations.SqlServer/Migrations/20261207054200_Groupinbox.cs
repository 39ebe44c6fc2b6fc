using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProjectWorkflow.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Groupinbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkflowTaskCandidates_Value_IsGroup_Claimable_TaskId",
                table: "WorkflowTaskCandidates");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CreatedAt",
                table: "WorkflowTaskCandidates",
                type: "datetimeoffset",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DueAt",
                table: "WorkflowTaskCandidates",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "OverdueSince",
                table: "WorkflowTaskCandidates",
                type: "datetimeoffset",
                nullable: true);

            // Data, not schema: every candidate row carries its task's due date, creation time and overdue flag, as the store keeps them.
            migrationBuilder.Sql(@"UPDATE c SET c.[DueAt] = t.[DueAt], c.[CreatedAt] = t.[CreatedAt], c.[OverdueSince] = t.[OverdueSince] FROM [WorkflowTaskCandidates] AS c INNER JOIN [WorkflowTasks] AS t ON t.[Id] = c.[TaskId];");

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowTaskCandidates_Inbox",
                table: "WorkflowTaskCandidates",
                columns: new[] { "Value", "IsGroup", "Claimable", "DueAt", "CreatedAt", "TaskId", "OverdueSince" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkflowTaskCandidates_Inbox",
                table: "WorkflowTaskCandidates");

            migrationBuilder.DropColumn(
                name: "CreatedAt",
                table: "WorkflowTaskCandidates");

            migrationBuilder.DropColumn(
                name: "DueAt",
                table: "WorkflowTaskCandidates");

            migrationBuilder.DropColumn(
                name: "OverdueSince",
                table: "WorkflowTaskCandidates");

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowTaskCandidates_Value_IsGroup_Claimable_TaskId",
                table: "WorkflowTaskCandidates",
                columns: new[] { "Value", "IsGroup", "Claimable", "TaskId" });
        }
    }
}
