using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zgc.Funding.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class DueYearsIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FundingYears_Status",
                table: "FundingYears");

            migrationBuilder.CreateIndex(
                name: "IX_FundingYears_Status_OpenedAt_Id",
                table: "FundingYears",
                columns: new[] { "Status", "OpenedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FundingYears_Status_OpenedAt_Id",
                table: "FundingYears");

            migrationBuilder.CreateIndex(
                name: "IX_FundingYears_Status",
                table: "FundingYears",
                column: "Status");
        }
    }
}
