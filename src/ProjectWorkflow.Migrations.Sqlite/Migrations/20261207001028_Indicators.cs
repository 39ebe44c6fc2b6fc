using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProjectWorkflow.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Indicators : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Figure",
                table: "PlanTargets",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PerFigure",
                table: "PlanTargets",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "Scale",
                table: "PlanTargets",
                type: "TEXT",
                precision: 28,
                scale: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ValueUnit",
                table: "PlanTargets",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "Co2ReducedTonnes",
                table: "FundingApplications",
                type: "TEXT",
                precision: 18,
                scale: 3,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<int>(
                name: "InventionPatents",
                table: "FundingApplications",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "LandM2",
                table: "FundingApplications",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "RdSpendFen",
                table: "FundingApplications",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<decimal>(
                name: "SolidWasteTonnes",
                table: "FundingApplications",
                type: "TEXT",
                precision: 18,
                scale: 3,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "SolidWasteUtilisedTonnes",
                table: "FundingApplications",
                type: "TEXT",
                precision: 18,
                scale: 3,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<long>(
                name: "WaterAfterM3",
                table: "FundingApplications",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "WaterBeforeM3",
                table: "FundingApplications",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<decimal>(
                name: "Co2ReducedTonnes",
                table: "Evaluations",
                type: "TEXT",
                precision: 18,
                scale: 3,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<int>(
                name: "InventionPatents",
                table: "Evaluations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "LandM2",
                table: "Evaluations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "RdSpendFen",
                table: "Evaluations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<decimal>(
                name: "SolidWasteTonnes",
                table: "Evaluations",
                type: "TEXT",
                precision: 18,
                scale: 3,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "SolidWasteUtilisedTonnes",
                table: "Evaluations",
                type: "TEXT",
                precision: 18,
                scale: 3,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<long>(
                name: "WaterSavedM3",
                table: "Evaluations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Figure",
                table: "PlanTargets");

            migrationBuilder.DropColumn(
                name: "PerFigure",
                table: "PlanTargets");

            migrationBuilder.DropColumn(
                name: "Scale",
                table: "PlanTargets");

            migrationBuilder.DropColumn(
                name: "ValueUnit",
                table: "PlanTargets");

            migrationBuilder.DropColumn(
                name: "Co2ReducedTonnes",
                table: "FundingApplications");

            migrationBuilder.DropColumn(
                name: "InventionPatents",
                table: "FundingApplications");

            migrationBuilder.DropColumn(
                name: "LandM2",
                table: "FundingApplications");

            migrationBuilder.DropColumn(
                name: "RdSpendFen",
                table: "FundingApplications");

            migrationBuilder.DropColumn(
                name: "SolidWasteTonnes",
                table: "FundingApplications");

            migrationBuilder.DropColumn(
                name: "SolidWasteUtilisedTonnes",
                table: "FundingApplications");

            migrationBuilder.DropColumn(
                name: "WaterAfterM3",
                table: "FundingApplications");

            migrationBuilder.DropColumn(
                name: "WaterBeforeM3",
                table: "FundingApplications");

            migrationBuilder.DropColumn(
                name: "Co2ReducedTonnes",
                table: "Evaluations");

            migrationBuilder.DropColumn(
                name: "InventionPatents",
                table: "Evaluations");

            migrationBuilder.DropColumn(
                name: "LandM2",
                table: "Evaluations");

            migrationBuilder.DropColumn(
                name: "RdSpendFen",
                table: "Evaluations");

            migrationBuilder.DropColumn(
                name: "SolidWasteTonnes",
                table: "Evaluations");

            migrationBuilder.DropColumn(
                name: "SolidWasteUtilisedTonnes",
                table: "Evaluations");

            migrationBuilder.DropColumn(
                name: "WaterSavedM3",
                table: "Evaluations");
        }
    }
}
