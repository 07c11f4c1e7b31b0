using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zgc.Workflows.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FaultedMessagesAndWaitingLimits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "StateEnteredAt",
                table: "PlatformLifecycles",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<string>(
                name: "WaitingAlert",
                table: "PlatformLifecycles",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "WaitingAlertAt",
                table: "PlatformLifecycles",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "WaitingLimitToken",
                table: "PlatformLifecycles",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FaultedMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MessageId = table.Column<Guid>(type: "uuid", nullable: true),
                    Endpoint = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    MessageType = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    Body = table.Column<string>(type: "text", nullable: false),
                    ExceptionType = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    ExceptionMessage = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    StackTrace = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    FaultedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    HandledBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    HandledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FaultedMessages", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FaultedMessages_Status_FaultedAt",
                table: "FaultedMessages",
                columns: new[] { "Status", "FaultedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FaultedMessages");

            migrationBuilder.DropColumn(
                name: "StateEnteredAt",
                table: "PlatformLifecycles");

            migrationBuilder.DropColumn(
                name: "WaitingAlert",
                table: "PlatformLifecycles");

            migrationBuilder.DropColumn(
                name: "WaitingAlertAt",
                table: "PlatformLifecycles");

            migrationBuilder.DropColumn(
                name: "WaitingLimitToken",
                table: "PlatformLifecycles");
        }
    }
}
