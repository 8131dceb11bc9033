using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Audit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditImports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FileHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Lines = table.Column<int>(type: "INTEGER", nullable: false),
                    Duplicates = table.Column<int>(type: "INTEGER", nullable: false),
                    ImportedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ImportedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditImports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditVariances",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<Guid>(type: "TEXT", nullable: false),
                    Tier = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    RaisedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CountedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    RaisedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditVariances", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BankStatementLines",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LineId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    BookingDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Counterparty = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Narrative = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ImportKey = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BankStatementLines", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CashHandovers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Courier = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Station = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ExpectedCash = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Count = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CountedCash = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    ExpectedPos = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    PosSlipsExpected = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    PosSlipsTicked = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CountedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CountedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CourierSignedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CourierSignedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CashHandovers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ClosedPeriods",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Start = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    End = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ClosedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ClosedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClosedPeriods", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DepositSlips",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SlipNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Station = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Account = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DepositSlips", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MatchDecisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<Guid>(type: "TEXT", nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ExpectedKeys = table.Column<string>(type: "TEXT", nullable: false),
                    ActualKeys = table.Column<string>(type: "TEXT", nullable: false),
                    Difference = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Undoes = table.Column<Guid>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatchDecisions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PosSettlementLines",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SettlementDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TerminalId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    BatchNo = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CardLast4 = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Fee = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    NetAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    ImportKey = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PosSettlementLines", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StripeBalanceLines",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TransactionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PayoutId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PaymentIntent = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Fee = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Net = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StripeBalanceLines", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StripePayoutLines",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PayoutId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ArrivalDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    FetchedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StripePayoutLines", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditImports_Key",
                table: "AuditImports",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditImports_Kind_FileHash",
                table: "AuditImports",
                columns: new[] { "Kind", "FileHash" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditVariances_Day",
                table: "AuditVariances",
                column: "Day");

            migrationBuilder.CreateIndex(
                name: "IX_AuditVariances_Key",
                table: "AuditVariances",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditVariances_Subject",
                table: "AuditVariances",
                column: "Subject");

            migrationBuilder.CreateIndex(
                name: "IX_BankStatementLines_BookingDate",
                table: "BankStatementLines",
                column: "BookingDate");

            migrationBuilder.CreateIndex(
                name: "IX_BankStatementLines_LineId",
                table: "BankStatementLines",
                column: "LineId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CashHandovers_Courier_Day",
                table: "CashHandovers",
                columns: new[] { "Courier", "Day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CashHandovers_Day",
                table: "CashHandovers",
                column: "Day");

            migrationBuilder.CreateIndex(
                name: "IX_CashHandovers_Key",
                table: "CashHandovers",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ClosedPeriods_Kind_Start",
                table: "ClosedPeriods",
                columns: new[] { "Kind", "Start" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DepositSlips_Day",
                table: "DepositSlips",
                column: "Day");

            migrationBuilder.CreateIndex(
                name: "IX_DepositSlips_SlipNumber",
                table: "DepositSlips",
                column: "SlipNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MatchDecisions_Key",
                table: "MatchDecisions",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MatchDecisions_Scope_DecidedAtUtc",
                table: "MatchDecisions",
                columns: new[] { "Scope", "DecidedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_PosSettlementLines_SettlementDate",
                table: "PosSettlementLines",
                column: "SettlementDate");

            migrationBuilder.CreateIndex(
                name: "IX_PosSettlementLines_TerminalId_BatchNo_Reference",
                table: "PosSettlementLines",
                columns: new[] { "TerminalId", "BatchNo", "Reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StripeBalanceLines_Date",
                table: "StripeBalanceLines",
                column: "Date");

            migrationBuilder.CreateIndex(
                name: "IX_StripeBalanceLines_PayoutId",
                table: "StripeBalanceLines",
                column: "PayoutId");

            migrationBuilder.CreateIndex(
                name: "IX_StripeBalanceLines_TransactionId",
                table: "StripeBalanceLines",
                column: "TransactionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StripePayoutLines_ArrivalDate",
                table: "StripePayoutLines",
                column: "ArrivalDate");

            migrationBuilder.CreateIndex(
                name: "IX_StripePayoutLines_PayoutId",
                table: "StripePayoutLines",
                column: "PayoutId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditImports");

            migrationBuilder.DropTable(
                name: "AuditVariances");

            migrationBuilder.DropTable(
                name: "BankStatementLines");

            migrationBuilder.DropTable(
                name: "CashHandovers");

            migrationBuilder.DropTable(
                name: "ClosedPeriods");

            migrationBuilder.DropTable(
                name: "DepositSlips");

            migrationBuilder.DropTable(
                name: "MatchDecisions");

            migrationBuilder.DropTable(
                name: "PosSettlementLines");

            migrationBuilder.DropTable(
                name: "StripeBalanceLines");

            migrationBuilder.DropTable(
                name: "StripePayoutLines");
        }
    }
}
