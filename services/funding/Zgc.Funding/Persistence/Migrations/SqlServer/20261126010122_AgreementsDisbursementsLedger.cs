using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zgc.Funding.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AgreementsDisbursementsLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "AnnualBudgets",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "Agreements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PlatformName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    UnitUscc = table.Column<string>(type: "nvarchar(18)", maxLength: 18, nullable: false),
                    UnitName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    IndustryField = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    SubPark = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    EspeciallyMajor = table.Column<bool>(type: "bit", nullable: false),
                    MajorDecisionReference = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    TotalInvestmentFen = table.Column<long>(type: "bigint", nullable: false),
                    SupportBaseFen = table.Column<long>(type: "bigint", nullable: false),
                    IncludedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    DraftedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    TermsVersion = table.Column<int>(type: "int", nullable: false),
                    ConstructionStartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ConstructionEndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    TargetsJson = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    Year1AwardFen = table.Column<long>(type: "bigint", nullable: true),
                    SignedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    TerminatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    TerminationReason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Agreements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Clawbacks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AgreementId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ReceivableFen = table.Column<long>(type: "bigint", nullable: false),
                    RecoveredFen = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    DecisionReference = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    RaisedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    SettledAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Clawbacks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DisbursementRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FiscalYear = table.Column<int>(type: "int", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    PreparedBy = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    TotalCount = table.Column<int>(type: "int", nullable: false),
                    GatheredCount = table.Column<int>(type: "int", nullable: false),
                    GatheredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    CompletedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DisbursementRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FundingYears",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AgreementId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ConstructionYear = table.Column<int>(type: "int", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    CapRule = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    CapBaseFen = table.Column<long>(type: "bigint", nullable: false),
                    CapShareFen = table.Column<long>(type: "bigint", nullable: false),
                    CapCeilingFen = table.Column<long>(type: "bigint", nullable: false),
                    CapFen = table.Column<long>(type: "bigint", nullable: false),
                    CapExplanationEn = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    CapExplanationZh = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    AwardFen = table.Column<long>(type: "bigint", nullable: true),
                    AwardedBy = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: true),
                    AwardedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    OpenedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    RunId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundingYears", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LedgerEntries",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    ReversedKind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    ReversesEntryId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    FiscalYear = table.Column<int>(type: "int", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AgreementId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ConstructionYear = table.Column<int>(type: "int", nullable: true),
                    PlatformName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    IndustryField = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    SubPark = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Reference = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    RecordedBy = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerEntries", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "Payments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FundingYearId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    LineId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RunId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AgreementId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ConstructionYear = table.Column<int>(type: "int", nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    PaidOn = table.Column<DateOnly>(type: "date", nullable: false),
                    BankReference = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    RecordedBy = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Payments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AgreementRevisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AgreementId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TermsVersion = table.Column<int>(type: "int", nullable: false),
                    TermsJson = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: false),
                    ChangedBy = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Note = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgreementRevisions_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AgreementSignatures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AgreementId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Party = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    TermsVersion = table.Column<int>(type: "int", nullable: false),
                    SignedBy = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    SignerName = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    SignedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementSignatures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgreementSignatures_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Recoveries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ClawbackId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Reference = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    RecordedBy = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Recoveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Recoveries_Clawbacks_ClawbackId",
                        column: x => x.ClawbackId,
                        principalTable: "Clawbacks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DisbursementLines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RunId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FundingYearId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AgreementId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PlatformName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    UnitName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    UnitUscc = table.Column<string>(type: "nvarchar(18)", maxLength: 18, nullable: false),
                    IndustryField = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    SubPark = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    ConstructionYear = table.Column<int>(type: "int", nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    CapFen = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    DecidedBy = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    DecisionNote = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    PaidOn = table.Column<DateOnly>(type: "date", nullable: true),
                    BankReference = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    PaymentRecordedBy = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: true),
                    PaymentRecordedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DisbursementLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DisbursementLines_DisbursementRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "DisbursementRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AgreementRevisions_AgreementId_TermsVersion",
                table: "AgreementRevisions",
                columns: new[] { "AgreementId", "TermsVersion" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_ApplicationId",
                table: "Agreements",
                column: "ApplicationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_UnitUscc",
                table: "Agreements",
                column: "UnitUscc");

            migrationBuilder.CreateIndex(
                name: "IX_AgreementSignatures_AgreementId_TermsVersion_Party",
                table: "AgreementSignatures",
                columns: new[] { "AgreementId", "TermsVersion", "Party" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Clawbacks_AgreementId",
                table: "Clawbacks",
                column: "AgreementId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DisbursementLines_FundingYearId",
                table: "DisbursementLines",
                column: "FundingYearId");

            migrationBuilder.CreateIndex(
                name: "IX_DisbursementLines_RunId",
                table: "DisbursementLines",
                column: "RunId");

            migrationBuilder.CreateIndex(
                name: "IX_DisbursementRuns_FiscalYear_Status",
                table: "DisbursementRuns",
                columns: new[] { "FiscalYear", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_FundingYears_AgreementId_ConstructionYear",
                table: "FundingYears",
                columns: new[] { "AgreementId", "ConstructionYear" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FundingYears_Status",
                table: "FundingYears",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_ApplicationId_Sequence",
                table: "LedgerEntries",
                columns: new[] { "ApplicationId", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_FiscalYear_Sequence",
                table: "LedgerEntries",
                columns: new[] { "FiscalYear", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_Id",
                table: "LedgerEntries",
                column: "Id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_ReversesEntryId",
                table: "LedgerEntries",
                column: "ReversesEntryId",
                unique: true,
                filter: "[ReversesEntryId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Payments_AgreementId_ConstructionYear",
                table: "Payments",
                columns: new[] { "AgreementId", "ConstructionYear" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Payments_FundingYearId",
                table: "Payments",
                column: "FundingYearId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Payments_LineId",
                table: "Payments",
                column: "LineId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Recoveries_ClawbackId",
                table: "Recoveries",
                column: "ClawbackId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgreementRevisions");

            migrationBuilder.DropTable(
                name: "AgreementSignatures");

            migrationBuilder.DropTable(
                name: "DisbursementLines");

            migrationBuilder.DropTable(
                name: "FundingYears");

            migrationBuilder.DropTable(
                name: "LedgerEntries");

            migrationBuilder.DropTable(
                name: "Payments");

            migrationBuilder.DropTable(
                name: "Recoveries");

            migrationBuilder.DropTable(
                name: "Agreements");

            migrationBuilder.DropTable(
                name: "DisbursementRuns");

            migrationBuilder.DropTable(
                name: "Clawbacks");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "AnnualBudgets");
        }
    }
}
