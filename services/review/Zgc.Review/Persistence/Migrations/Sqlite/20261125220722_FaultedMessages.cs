using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zgc.Review.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FaultedMessages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FaultedMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MessageId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Endpoint = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    MessageType = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    ExceptionType = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    ExceptionMessage = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    StackTrace = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    FaultedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    HandledBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    HandledAt = table.Column<long>(type: "INTEGER", nullable: true)
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
        }
    }
}
