using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProjectWorkflow.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Httpbench : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkflowTaskCandidates_Value_IsGroup_TaskId",
                table: "WorkflowTaskCandidates");

            migrationBuilder.AddColumn<bool>(
                name: "Claimable",
                table: "WorkflowTaskCandidates",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            // Data, not schema: the candidates of the tasks that are open and unassigned today are claimable.
            migrationBuilder.Sql(@"UPDATE ""WorkflowTaskCandidates"" SET ""Claimable"" = 1 WHERE ""TaskId"" IN (SELECT ""Id"" FROM ""WorkflowTasks"" WHERE ""Status"" = 'open' AND ""Assignee"" IS NULL);");

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowTaskCandidates_Value_IsGroup_Claimable_TaskId",
                table: "WorkflowTaskCandidates",
                columns: new[] { "Value", "IsGroup", "Claimable", "TaskId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkflowTaskCandidates_Value_IsGroup_Claimable_TaskId",
                table: "WorkflowTaskCandidates");

            migrationBuilder.DropColumn(
                name: "Claimable",
                table: "WorkflowTaskCandidates");

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowTaskCandidates_Value_IsGroup_TaskId",
                table: "WorkflowTaskCandidates",
                columns: new[] { "Value", "IsGroup", "TaskId" });
        }
    }
}
