using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zgc.Workflows.Persistence.Migrations.Postgres
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
                type: "character varying(128)",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Reason",
                table: "LifecycleTransitions",
                type: "character varying(2000)",
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
