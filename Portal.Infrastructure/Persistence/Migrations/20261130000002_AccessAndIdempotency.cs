using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infrastructure.Persistence.Migrations;

/// <summary>
/// Disabled users and last sign-in; API client scopes, rotation and revocation times; idempotency keys bound to
/// their request (hash) with a reservation while the first request runs. Stored idempotency responses are a
/// 24-hour cache, so the table is rebuilt rather than converted.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261130000002_AccessAndIdempotency")]
public sealed class AccessAndIdempotency : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<bool>("IsDisabled", "AspNetUsers", nullable: false, defaultValue: false);
        migrationBuilder.AddColumn<DateTime>("LastSignInAtUtc", "AspNetUsers", nullable: true);

        migrationBuilder.AddColumn<string>("Scopes", "ApiClients", maxLength: 200, nullable: false, defaultValue: "intake");
        migrationBuilder.AddColumn<DateTime>("RotatedAtUtc", "ApiClients", nullable: true);
        migrationBuilder.AddColumn<DateTime>("RevokedAtUtc", "ApiClients", nullable: true);

        migrationBuilder.DropTable("ProcessedRequests");
        migrationBuilder.CreateTable(
            name: "ProcessedRequests",
            columns: table => new
            {
                Key = table.Column<string>(maxLength: 200, nullable: false),
                RequestHash = table.Column<string>(maxLength: 64, nullable: false),
                ResponseJson = table.Column<string>(nullable: true),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
                CompletedAtUtc = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_ProcessedRequests", x => x.Key));
        migrationBuilder.CreateIndex("IX_ProcessedRequests_CreatedAtUtc", "ProcessedRequests", "CreatedAtUtc");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn("IsDisabled", "AspNetUsers");
        migrationBuilder.DropColumn("LastSignInAtUtc", "AspNetUsers");
        migrationBuilder.DropColumn("Scopes", "ApiClients");
        migrationBuilder.DropColumn("RotatedAtUtc", "ApiClients");
        migrationBuilder.DropColumn("RevokedAtUtc", "ApiClients");
    }
}
