using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zgc.Intake.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ListOrderIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Applications_CreatedAt_Id_CurrentVersion",
                table: "Applications",
                columns: new[] { "CreatedAt", "Id", "CurrentVersion" });

            migrationBuilder.CreateIndex(
                name: "IX_Applications_SubPark_CreatedAt_Id_CurrentVersion",
                table: "Applications",
                columns: new[] { "SubPark", "CreatedAt", "Id", "CurrentVersion" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Applications_CreatedAt_Id_CurrentVersion",
                table: "Applications");

            migrationBuilder.DropIndex(
                name: "IX_Applications_SubPark_CreatedAt_Id_CurrentVersion",
                table: "Applications");
        }
    }
}
