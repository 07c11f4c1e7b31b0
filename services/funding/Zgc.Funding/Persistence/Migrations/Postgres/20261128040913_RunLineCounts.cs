using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zgc.Funding.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RunLineCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "LineCount",
                table: "DisbursementRuns",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "UndecidedCount",
                table: "DisbursementRuns",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "UnpaidCount",
                table: "DisbursementRuns",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // The runs stored before: their counts from their lines (the run decides and pays by these counts now).
            migrationBuilder.Sql(
                "UPDATE \"DisbursementRuns\" SET \"LineCount\" = (SELECT COUNT(*) FROM \"DisbursementLines\" WHERE \"DisbursementLines\".\"RunId\" = \"DisbursementRuns\".\"Id\"), \"UndecidedCount\" = (SELECT COUNT(*) FROM \"DisbursementLines\" WHERE \"DisbursementLines\".\"RunId\" = \"DisbursementRuns\".\"Id\" AND \"DisbursementLines\".\"Status\" = 'Proposed'), \"UnpaidCount\" = (SELECT COUNT(*) FROM \"DisbursementLines\" WHERE \"DisbursementLines\".\"RunId\" = \"DisbursementRuns\".\"Id\" AND \"DisbursementLines\".\"Status\" = 'Approved')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LineCount",
                table: "DisbursementRuns");

            migrationBuilder.DropColumn(
                name: "UndecidedCount",
                table: "DisbursementRuns");

            migrationBuilder.DropColumn(
                name: "UnpaidCount",
                table: "DisbursementRuns");
        }
    }
}
