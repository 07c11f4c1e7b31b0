using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zgc.Review.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ReviewCaseVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "ReviewCases",
                type: "int",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Version",
                table: "ReviewCases");
        }
    }
}
