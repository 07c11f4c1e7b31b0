using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zgc.Workflows.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ListQueryIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PlatformLifecycles_CurrentState",
                table: "PlatformLifecycles");

            migrationBuilder.DropIndex(
                name: "IX_PlatformLifecycles_UpdatedAt",
                table: "PlatformLifecycles");

            migrationBuilder.CreateIndex(
                name: "IX_PlatformLifecycles_CurrentState_StateEnteredAt",
                table: "PlatformLifecycles",
                columns: new[] { "CurrentState", "StateEnteredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PlatformLifecycles_CurrentState_UpdatedAt_CorrelationId",
                table: "PlatformLifecycles",
                columns: new[] { "CurrentState", "UpdatedAt", "CorrelationId" },
                descending: new[] { false, true, false });

            migrationBuilder.CreateIndex(
                name: "IX_PlatformLifecycles_IndustryField_UpdatedAt_CorrelationId",
                table: "PlatformLifecycles",
                columns: new[] { "IndustryField", "UpdatedAt", "CorrelationId" },
                descending: new[] { false, true, false });

            migrationBuilder.CreateIndex(
                name: "IX_PlatformLifecycles_SubPark_UpdatedAt_CorrelationId",
                table: "PlatformLifecycles",
                columns: new[] { "SubPark", "UpdatedAt", "CorrelationId" },
                descending: new[] { false, true, false });

            migrationBuilder.CreateIndex(
                name: "IX_PlatformLifecycles_UpdatedAt_CorrelationId",
                table: "PlatformLifecycles",
                columns: new[] { "UpdatedAt", "CorrelationId" },
                descending: new[] { true, false });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PlatformLifecycles_CurrentState_StateEnteredAt",
                table: "PlatformLifecycles");

            migrationBuilder.DropIndex(
                name: "IX_PlatformLifecycles_CurrentState_UpdatedAt_CorrelationId",
                table: "PlatformLifecycles");

            migrationBuilder.DropIndex(
                name: "IX_PlatformLifecycles_IndustryField_UpdatedAt_CorrelationId",
                table: "PlatformLifecycles");

            migrationBuilder.DropIndex(
                name: "IX_PlatformLifecycles_SubPark_UpdatedAt_CorrelationId",
                table: "PlatformLifecycles");

            migrationBuilder.DropIndex(
                name: "IX_PlatformLifecycles_UpdatedAt_CorrelationId",
                table: "PlatformLifecycles");

            migrationBuilder.CreateIndex(
                name: "IX_PlatformLifecycles_CurrentState",
                table: "PlatformLifecycles",
                column: "CurrentState");

            migrationBuilder.CreateIndex(
                name: "IX_PlatformLifecycles_UpdatedAt",
                table: "PlatformLifecycles",
                column: "UpdatedAt");
        }
    }
}
