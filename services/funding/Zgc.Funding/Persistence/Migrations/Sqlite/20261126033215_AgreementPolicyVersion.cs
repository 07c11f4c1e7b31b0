using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zgc.Funding.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AgreementPolicyVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ConstructionYears",
                table: "Agreements",
                type: "INTEGER",
                nullable: false,
                defaultValue: 3);

            migrationBuilder.AddColumn<long>(
                name: "EspeciallyMajorAnnualCeilingFen",
                table: "Agreements",
                type: "INTEGER",
                nullable: false,
                defaultValue: 3000000000L);

            migrationBuilder.AddColumn<string>(
                name: "PolicyVersion",
                table: "Agreements",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "2019-measures/v1");

            migrationBuilder.AddColumn<long>(
                name: "StandardAnnualCeilingFen",
                table: "Agreements",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1000000000L);

            migrationBuilder.AddColumn<int>(
                name: "SupportRatioPercent",
                table: "Agreements",
                type: "INTEGER",
                nullable: false,
                defaultValue: 30);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ConstructionYears",
                table: "Agreements");

            migrationBuilder.DropColumn(
                name: "EspeciallyMajorAnnualCeilingFen",
                table: "Agreements");

            migrationBuilder.DropColumn(
                name: "PolicyVersion",
                table: "Agreements");

            migrationBuilder.DropColumn(
                name: "StandardAnnualCeilingFen",
                table: "Agreements");

            migrationBuilder.DropColumn(
                name: "SupportRatioPercent",
                table: "Agreements");
        }
    }
}
