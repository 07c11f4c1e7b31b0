using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zgc.Workflows.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FullLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "AgreementId",
                table: "PlatformLifecycles",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ApplicationVersion",
                table: "PlatformLifecycles",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ConstructionStartsOn",
                table: "PlatformLifecycles",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ConstructionYear",
                table: "PlatformLifecycles",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "CurrentYearFunded",
                table: "PlatformLifecycles",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "ExpertSupported",
                table: "PlatformLifecycles",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "ExpertTrimmedMean",
                table: "PlatformLifecycles",
                type: "numeric(7,2)",
                precision: 7,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IntegratedEnterpriseUsccs",
                table: "PlatformLifecycles",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LastEvaluatedYear",
                table: "PlatformLifecycles",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "LastEvaluationPassed",
                table: "PlatformLifecycles",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MajorDecisionReference",
                table: "PlatformLifecycles",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MeetingDeferrals",
                table: "PlatformLifecycles",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "PaidFen",
                table: "PlatformLifecycles",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "RejectedAtStage",
                table: "PlatformLifecycles",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Returns",
                table: "PlatformLifecycles",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "SubArea",
                table: "PlatformLifecycles",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SubParkRanking",
                table: "PlatformLifecycles",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SupportBaseFen",
                table: "PlatformLifecycles",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "TotalInvestmentFen",
                table: "PlatformLifecycles",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AgreementId",
                table: "PlatformLifecycles");

            migrationBuilder.DropColumn(
                name: "ApplicationVersion",
                table: "PlatformLifecycles");

            migrationBuilder.DropColumn(
                name: "ConstructionStartsOn",
                table: "PlatformLifecycles");

            migrationBuilder.DropColumn(
                name: "ConstructionYear",
                table: "PlatformLifecycles");

            migrationBuilder.DropColumn(
                name: "CurrentYearFunded",
                table: "PlatformLifecycles");

            migrationBuilder.DropColumn(
                name: "ExpertSupported",
                table: "PlatformLifecycles");

            migrationBuilder.DropColumn(
                name: "ExpertTrimmedMean",
                table: "PlatformLifecycles");

            migrationBuilder.DropColumn(
                name: "IntegratedEnterpriseUsccs",
                table: "PlatformLifecycles");

            migrationBuilder.DropColumn(
                name: "LastEvaluatedYear",
                table: "PlatformLifecycles");

            migrationBuilder.DropColumn(
                name: "LastEvaluationPassed",
                table: "PlatformLifecycles");

            migrationBuilder.DropColumn(
                name: "MajorDecisionReference",
                table: "PlatformLifecycles");

            migrationBuilder.DropColumn(
                name: "MeetingDeferrals",
                table: "PlatformLifecycles");

            migrationBuilder.DropColumn(
                name: "PaidFen",
                table: "PlatformLifecycles");

            migrationBuilder.DropColumn(
                name: "RejectedAtStage",
                table: "PlatformLifecycles");

            migrationBuilder.DropColumn(
                name: "Returns",
                table: "PlatformLifecycles");

            migrationBuilder.DropColumn(
                name: "SubArea",
                table: "PlatformLifecycles");

            migrationBuilder.DropColumn(
                name: "SubParkRanking",
                table: "PlatformLifecycles");

            migrationBuilder.DropColumn(
                name: "SupportBaseFen",
                table: "PlatformLifecycles");

            migrationBuilder.DropColumn(
                name: "TotalInvestmentFen",
                table: "PlatformLifecycles");
        }
    }
}
