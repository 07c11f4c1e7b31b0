using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zgc.Funding.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class RunTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ApprovedTotalFen",
                table: "DisbursementRuns",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "PaidTotalFen",
                table: "DisbursementRuns",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "TotalFen",
                table: "DisbursementRuns",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            // The runs stored before: their totals from their lines (the run keeps them now, so a list reads no line).
            migrationBuilder.Sql(
                "UPDATE [DisbursementRuns] SET [TotalFen] = (SELECT COALESCE(SUM([DisbursementLines].[AmountFen]), 0) FROM [DisbursementLines] WHERE [DisbursementLines].[RunId] = [DisbursementRuns].[Id]), [ApprovedTotalFen] = (SELECT COALESCE(SUM([DisbursementLines].[AmountFen]), 0) FROM [DisbursementLines] WHERE [DisbursementLines].[RunId] = [DisbursementRuns].[Id] AND [DisbursementLines].[Status] IN ('Approved', 'Paid')), [PaidTotalFen] = (SELECT COALESCE(SUM([DisbursementLines].[AmountFen]), 0) FROM [DisbursementLines] WHERE [DisbursementLines].[RunId] = [DisbursementRuns].[Id] AND [DisbursementLines].[Status] = 'Paid')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ApprovedTotalFen",
                table: "DisbursementRuns");

            migrationBuilder.DropColumn(
                name: "PaidTotalFen",
                table: "DisbursementRuns");

            migrationBuilder.DropColumn(
                name: "TotalFen",
                table: "DisbursementRuns");
        }
    }
}
