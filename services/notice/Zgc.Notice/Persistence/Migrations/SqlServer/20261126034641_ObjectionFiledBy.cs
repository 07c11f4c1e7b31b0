using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zgc.Notice.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ObjectionFiledBy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FiledBy",
                table: "Objections",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FiledBy",
                table: "Objections");
        }
    }
}
