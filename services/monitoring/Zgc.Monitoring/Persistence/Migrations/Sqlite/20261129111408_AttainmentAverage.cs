using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zgc.Monitoring.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AttainmentAverage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "AverageTargetAttainmentBasisPoints",
                table: "AnnualReports",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_AnnualReports_AverageTargetAttainmentBasisPoints",
                table: "AnnualReports",
                column: "AverageTargetAttainmentBasisPoints");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AnnualReports_AverageTargetAttainmentBasisPoints",
                table: "AnnualReports");

            migrationBuilder.DropColumn(
                name: "AverageTargetAttainmentBasisPoints",
                table: "AnnualReports");
        }
    }
}
