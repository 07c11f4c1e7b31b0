using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zgc.Notice.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NoticePolicyWorkingDays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "PolicyWorkingDays",
                table: "Notices",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PolicyWorkingDays",
                table: "Notices");
        }
    }
}
