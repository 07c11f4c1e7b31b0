using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zgc.Workflows.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AdministrativeSteps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Actor",
                table: "LifecycleTransitions",
                type: "TEXT",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Reason",
                table: "LifecycleTransitions",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Actor",
                table: "LifecycleTransitions");

            migrationBuilder.DropColumn(
                name: "Reason",
                table: "LifecycleTransitions");
        }
    }
}
