using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zgc.Review.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OutboxLeanerIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_MessageId",
                table: "OutboxMessages");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_ScheduleTokenId",
                table: "OutboxMessages");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_ScheduleTokenId",
                table: "OutboxMessages",
                column: "ScheduleTokenId",
                filter: "\"ScheduleTokenId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_ScheduleTokenId",
                table: "OutboxMessages");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_MessageId",
                table: "OutboxMessages",
                column: "MessageId");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_ScheduleTokenId",
                table: "OutboxMessages",
                column: "ScheduleTokenId");
        }
    }
}
