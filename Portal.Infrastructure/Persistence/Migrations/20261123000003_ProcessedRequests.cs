using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infrastructure.Persistence.Migrations;

/// <summary>Idempotent commands: responses of requests already processed, by client request id.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261123000003_ProcessedRequests")]
public sealed class ProcessedRequests : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ProcessedRequests",
            columns: table => new
            {
                Key = table.Column<string>(maxLength: 200, nullable: false),
                ResponseJson = table.Column<string>(nullable: false),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_ProcessedRequests", x => x.Key));

        migrationBuilder.CreateIndex("IX_ProcessedRequests_CreatedAtUtc", "ProcessedRequests", "CreatedAtUtc");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("ProcessedRequests");
}
