using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zgc.Workflows.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ConstructionYearIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_PlatformLifecycles_CurrentState_ConstructionYear_UpdatedAt_CorrelationId",
                table: "PlatformLifecycles",
                columns: new[] { "CurrentState", "ConstructionYear", "UpdatedAt", "CorrelationId" },
                descending: new[] { false, false, true, false });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PlatformLifecycles_CurrentState_ConstructionYear_UpdatedAt_CorrelationId",
                table: "PlatformLifecycles");
        }
    }
}
