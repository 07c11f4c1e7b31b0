using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zgc.Funding.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class OutboxPendingIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_PendingByConversation",
                table: "OutboxMessages",
                columns: new[] { "ConversationId", "DueTime", "SequenceNumber" },
                filter: "[DeliveredAt] IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_PendingMessages",
                table: "OutboxMessages",
                columns: new[] { "DueTime", "SequenceNumber" },
                filter: "[DeliveredAt] IS NULL AND [ScheduleTokenId] IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_PendingTimers",
                table: "OutboxMessages",
                columns: new[] { "DueTime", "SequenceNumber" },
                filter: "[DeliveredAt] IS NULL AND [ScheduleTokenId] IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_PendingByConversation",
                table: "OutboxMessages");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_PendingMessages",
                table: "OutboxMessages");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_PendingTimers",
                table: "OutboxMessages");
        }
    }
}
