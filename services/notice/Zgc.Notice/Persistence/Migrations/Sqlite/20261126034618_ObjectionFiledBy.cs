using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zgc.Notice.Persistence.Migrations.Sqlite
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
                type: "TEXT",
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
