using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zgc.Monitoring.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReportsEvaluationManagement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AnnualReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitUscc = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    ConstructionYear = table.Column<int>(type: "INTEGER", nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DraftedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    SubmittedLate = table.Column<bool>(type: "INTEGER", nullable: false),
                    OverdueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RemindersSent = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Grade = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Comments = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AcceptedSelfRaisedEligibleInvestmentFen = table.Column<long>(type: "INTEGER", nullable: true),
                    EvaluatedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    EvaluatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Checks = table.Column<string>(type: "TEXT", nullable: true),
                    Indicators = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnnualReports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FraudCases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitUscc = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SourceReference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Allegation = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OpenedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    InvestigatedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    InvestigationStartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Finding = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DecisionReference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FraudCases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MajorMatters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Details = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    OccurredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    NewPrincipal = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Attachments = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReportedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ReportedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AcknowledgedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    AcknowledgedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MajorMatters", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PlatformHistory",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    By = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlatformHistory", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Platforms",
                columns: table => new
                {
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgreementId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PlatformName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UnitUscc = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IndustryField = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SubPark = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Principal = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    StatusChangedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Platforms", x => x.ApplicationId);
                });

            migrationBuilder.CreateTable(
                name: "Rectifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Requirements = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OrderedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    OrderedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    OverdueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CompletionNote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CompletedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Rectifications", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AnnualReports_ApplicationId_ConstructionYear",
                table: "AnnualReports",
                columns: new[] { "ApplicationId", "ConstructionYear" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AnnualReports_UnitUscc",
                table: "AnnualReports",
                column: "UnitUscc");

            migrationBuilder.CreateIndex(
                name: "IX_FraudCases_ApplicationId",
                table: "FraudCases",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_MajorMatters_ApplicationId",
                table: "MajorMatters",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_PlatformHistory_ApplicationId_At",
                table: "PlatformHistory",
                columns: new[] { "ApplicationId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Platforms_UnitUscc",
                table: "Platforms",
                column: "UnitUscc");

            migrationBuilder.CreateIndex(
                name: "IX_Rectifications_ApplicationId",
                table: "Rectifications",
                column: "ApplicationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AnnualReports");

            migrationBuilder.DropTable(
                name: "FraudCases");

            migrationBuilder.DropTable(
                name: "MajorMatters");

            migrationBuilder.DropTable(
                name: "PlatformHistory");

            migrationBuilder.DropTable(
                name: "Platforms");

            migrationBuilder.DropTable(
                name: "Rectifications");
        }
    }
}
