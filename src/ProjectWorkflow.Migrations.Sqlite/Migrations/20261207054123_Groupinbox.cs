using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProjectWorkflow.Migrations.Sqlite.Migrations
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

            migrationBuilder.AddColumn<long>(
                name: "CreatedAt",
                table: "WorkflowTaskCandidates",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "DueAt",
                table: "WorkflowTaskCandidates",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "OverdueSince",
                table: "WorkflowTaskCandidates",
                type: "INTEGER",
                nullable: true);

            // Data, not schema: every candidate row carries its task's due date, creation time and overdue flag, as the store keeps them.
            migrationBuilder.Sql(@"UPDATE ""WorkflowTaskCandidates"" SET ""DueAt"" = t.""DueAt"", ""CreatedAt"" = t.""CreatedAt"", ""OverdueSince"" = t.""OverdueSince"" FROM ""WorkflowTasks"" AS t WHERE t.""Id"" = ""WorkflowTaskCandidates"".""TaskId"";");

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
