using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ContactAttemptRequestIds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "RequestId",
                table: "OpportunityContacts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_OpportunityContacts_RequestId_OpportunityId",
                table: "OpportunityContacts",
                columns: new[] { "RequestId", "OpportunityId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OpportunityContacts_RequestId_OpportunityId",
                table: "OpportunityContacts");

            migrationBuilder.DropColumn(
                name: "RequestId",
                table: "OpportunityContacts");
        }
    }
}
