using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infrastructure.Persistence.Migrations;

/// <summary>Order capture: catalog and policies, customers, stock with serials, orders, opportunities.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261123000002_OrderCapture")]
public sealed class OrderCapture : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Customers",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Annotation("Sqlite:Autoincrement", true),
                Phone = table.Column<string>(maxLength: 11, nullable: false),
                Name = table.Column<string>(maxLength: 50, nullable: false),
                IdNumber = table.Column<string>(maxLength: 18, nullable: true),
                CurrentPlanSku = table.Column<string>(maxLength: 32, nullable: true),
                CurrentPlanFee = table.Column<decimal>(precision: 18, scale: 2, nullable: true),
                Tier = table.Column<string>(maxLength: 32, nullable: false),
                Tags = table.Column<string>(maxLength: 500, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Customers", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "Policies",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Annotation("Sqlite:Autoincrement", true),
                Code = table.Column<string>(maxLength: 32, nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                CallScript = table.Column<string>(maxLength: 2000, nullable: false),
                IsActive = table.Column<bool>(nullable: false),
                ValidFromUtc = table.Column<DateTime>(nullable: true),
                ValidToUtc = table.Column<DateTime>(nullable: true),
                Eligibility = table.Column<string>(maxLength: 1000, nullable: false),
                EffectKind = table.Column<string>(maxLength: 32, nullable: false),
                EffectAmount = table.Column<decimal>(precision: 18, scale: 2, nullable: false),
                EffectCredit = table.Column<decimal>(precision: 18, scale: 2, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Policies", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "Products",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Annotation("Sqlite:Autoincrement", true),
                Sku = table.Column<string>(maxLength: 32, nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                Kind = table.Column<string>(maxLength: 32, nullable: false),
                Price = table.Column<decimal>(precision: 18, scale: 2, nullable: false),
                IsActive = table.Column<bool>(nullable: false),
                DataGb = table.Column<decimal>(precision: 9, scale: 2, nullable: true),
                VoiceMinutes = table.Column<int>(nullable: true),
                Brand = table.Column<string>(maxLength: 50, nullable: true),
                Model = table.Column<string>(maxLength: 50, nullable: true),
                Colour = table.Column<string>(maxLength: 30, nullable: true),
                StorageGb = table.Column<int>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Products", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "StockLocations",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Annotation("Sqlite:Autoincrement", true),
                Code = table.Column<string>(maxLength: 32, nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                Kind = table.Column<string>(maxLength: 32, nullable: false),
                City = table.Column<string>(maxLength: 50, nullable: false),
                District = table.Column<string>(maxLength: 50, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_StockLocations", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "CustomerAddresses",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Annotation("Sqlite:Autoincrement", true),
                City = table.Column<string>(maxLength: 50, nullable: false),
                District = table.Column<string>(maxLength: 50, nullable: false),
                Line = table.Column<string>(maxLength: 200, nullable: false),
                CustomerId = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CustomerAddresses", x => x.Id);
                table.ForeignKey("FK_CustomerAddresses_Customers_CustomerId", x => x.CustomerId, "Customers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Opportunities",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Annotation("Sqlite:Autoincrement", true),
                Number = table.Column<string>(maxLength: 14, nullable: false),
                CustomerId = table.Column<long>(nullable: false),
                CustomerName = table.Column<string>(maxLength: 50, nullable: false),
                Phone = table.Column<string>(maxLength: 11, nullable: false),
                PreferredAtUtc = table.Column<DateTime>(nullable: false),
                PreferredChannel = table.Column<string>(maxLength: 32, nullable: false),
                Note = table.Column<string>(maxLength: 500, nullable: true),
                Status = table.Column<string>(maxLength: 32, nullable: false),
                ClaimedBy = table.Column<string>(maxLength: 256, nullable: true),
                ConvertedOrderNumber = table.Column<string>(maxLength: 14, nullable: true),
                LostReason = table.Column<string>(maxLength: 500, nullable: true),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
                CreatedBy = table.Column<string>(maxLength: 256, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Opportunities", x => x.Id);
                table.ForeignKey("FK_Opportunities_Customers_CustomerId", x => x.CustomerId, "Customers", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "Orders",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Annotation("Sqlite:Autoincrement", true),
                Number = table.Column<string>(maxLength: 14, nullable: false),
                Flow = table.Column<string>(maxLength: 32, nullable: false),
                CustomerId = table.Column<long>(nullable: false),
                CustomerName = table.Column<string>(maxLength: 50, nullable: false),
                Phone = table.Column<string>(maxLength: 11, nullable: false),
                DeliveryCity = table.Column<string>(maxLength: 50, nullable: true),
                DeliveryDistrict = table.Column<string>(maxLength: 50, nullable: true),
                DeliveryLine = table.Column<string>(maxLength: 200, nullable: true),
                PolicyCode = table.Column<string>(maxLength: 32, nullable: true),
                GoodsTotal = table.Column<decimal>(precision: 18, scale: 2, nullable: false),
                Discount = table.Column<decimal>(precision: 18, scale: 2, nullable: false),
                PrestoreAmount = table.Column<decimal>(precision: 18, scale: 2, nullable: false),
                PrestoreCredit = table.Column<decimal>(precision: 18, scale: 2, nullable: false),
                Total = table.Column<decimal>(precision: 18, scale: 2, nullable: false),
                PaymentMethod = table.Column<string>(maxLength: 32, nullable: false),
                PaymentStatus = table.Column<string>(maxLength: 32, nullable: false),
                DeliveryDate = table.Column<DateOnly>(nullable: true),
                DeliveryFrom = table.Column<TimeOnly>(nullable: true),
                DeliveryTo = table.Column<TimeOnly>(nullable: true),
                TrackingCode = table.Column<string>(maxLength: 16, nullable: true),
                Courier = table.Column<string>(maxLength: 100, nullable: true),
                RealNameVerified = table.Column<bool>(nullable: false),
                Status = table.Column<string>(maxLength: 32, nullable: false),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
                CreatedBy = table.Column<string>(maxLength: 256, nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Orders", x => x.Id);
                table.ForeignKey("FK_Orders_Customers_CustomerId", x => x.CustomerId, "Customers", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "SerialUnits",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Annotation("Sqlite:Autoincrement", true),
                Sku = table.Column<string>(maxLength: 32, nullable: false),
                Serial = table.Column<string>(maxLength: 20, nullable: false),
                LocationId = table.Column<long>(nullable: false),
                Status = table.Column<string>(maxLength: 32, nullable: false),
                ReservedForOrder = table.Column<string>(maxLength: 14, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SerialUnits", x => x.Id);
                table.ForeignKey("FK_SerialUnits_StockLocations_LocationId", x => x.LocationId, "StockLocations", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "StockItems",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Annotation("Sqlite:Autoincrement", true),
                Sku = table.Column<string>(maxLength: 32, nullable: false),
                LocationId = table.Column<long>(nullable: false),
                OnHand = table.Column<int>(nullable: false),
                Reserved = table.Column<int>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_StockItems", x => x.Id);
                table.ForeignKey("FK_StockItems_StockLocations_LocationId", x => x.LocationId, "StockLocations", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "StockMovements",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Annotation("Sqlite:Autoincrement", true),
                Sku = table.Column<string>(maxLength: 32, nullable: false),
                LocationId = table.Column<long>(nullable: false),
                QuantityDelta = table.Column<int>(nullable: false),
                Kind = table.Column<string>(maxLength: 32, nullable: false),
                Reference = table.Column<string>(maxLength: 32, nullable: false),
                AtUtc = table.Column<DateTime>(nullable: false),
                Actor = table.Column<string>(maxLength: 256, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_StockMovements", x => x.Id);
                table.ForeignKey("FK_StockMovements_StockLocations_LocationId", x => x.LocationId, "StockLocations", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "OpportunityContacts",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Annotation("Sqlite:Autoincrement", true),
                AtUtc = table.Column<DateTime>(nullable: false),
                By = table.Column<string>(maxLength: 256, nullable: false),
                Outcome = table.Column<string>(maxLength: 32, nullable: false),
                Note = table.Column<string>(maxLength: 500, nullable: true),
                OpportunityId = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_OpportunityContacts", x => x.Id);
                table.ForeignKey("FK_OpportunityContacts_Opportunities_OpportunityId", x => x.OpportunityId, "Opportunities", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "OpportunityLines",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Annotation("Sqlite:Autoincrement", true),
                Sku = table.Column<string>(maxLength: 32, nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                Quantity = table.Column<int>(nullable: false),
                UnitPrice = table.Column<decimal>(precision: 18, scale: 2, nullable: false),
                OpportunityId = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_OpportunityLines", x => x.Id);
                table.ForeignKey("FK_OpportunityLines_Opportunities_OpportunityId", x => x.OpportunityId, "Opportunities", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "OpportunityTimeline",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Annotation("Sqlite:Autoincrement", true),
                AtUtc = table.Column<DateTime>(nullable: false),
                Actor = table.Column<string>(maxLength: 256, nullable: false),
                FromStatus = table.Column<string>(maxLength: 32, nullable: true),
                ToStatus = table.Column<string>(maxLength: 32, nullable: false),
                Reason = table.Column<string>(maxLength: 500, nullable: true),
                OpportunityId = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_OpportunityTimeline", x => x.Id);
                table.ForeignKey("FK_OpportunityTimeline_Opportunities_OpportunityId", x => x.OpportunityId, "Opportunities", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "OrderLines",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Annotation("Sqlite:Autoincrement", true),
                Sku = table.Column<string>(maxLength: 32, nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                Kind = table.Column<string>(maxLength: 32, nullable: false),
                UnitPrice = table.Column<decimal>(precision: 18, scale: 2, nullable: false),
                Quantity = table.Column<int>(nullable: false),
                OrderId = table.Column<long>(nullable: false),
                Serials = table.Column<string>(maxLength: 2000, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_OrderLines", x => x.Id);
                table.ForeignKey("FK_OrderLines_Orders_OrderId", x => x.OrderId, "Orders", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "OrderTimeline",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Annotation("Sqlite:Autoincrement", true),
                AtUtc = table.Column<DateTime>(nullable: false),
                Actor = table.Column<string>(maxLength: 256, nullable: false),
                FromStatus = table.Column<string>(maxLength: 32, nullable: true),
                ToStatus = table.Column<string>(maxLength: 32, nullable: false),
                Reason = table.Column<string>(maxLength: 500, nullable: true),
                OrderId = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_OrderTimeline", x => x.Id);
                table.ForeignKey("FK_OrderTimeline_Orders_OrderId", x => x.OrderId, "Orders", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_CustomerAddresses_CustomerId", "CustomerAddresses", "CustomerId");
        migrationBuilder.CreateIndex("IX_Customers_Phone", "Customers", "Phone", unique: true);
        migrationBuilder.CreateIndex("IX_Opportunities_CustomerId", "Opportunities", "CustomerId");
        migrationBuilder.CreateIndex("IX_Opportunities_Number", "Opportunities", "Number", unique: true);
        migrationBuilder.CreateIndex("IX_Opportunities_Status_CreatedAtUtc", "Opportunities", new[] { "Status", "CreatedAtUtc" });
        migrationBuilder.CreateIndex("IX_OpportunityContacts_OpportunityId", "OpportunityContacts", "OpportunityId");
        migrationBuilder.CreateIndex("IX_OpportunityLines_OpportunityId", "OpportunityLines", "OpportunityId");
        migrationBuilder.CreateIndex("IX_OpportunityTimeline_OpportunityId", "OpportunityTimeline", "OpportunityId");
        migrationBuilder.CreateIndex("IX_OrderLines_OrderId", "OrderLines", "OrderId");
        migrationBuilder.CreateIndex("IX_Orders_CreatedAtUtc", "Orders", "CreatedAtUtc");
        migrationBuilder.CreateIndex("IX_Orders_CustomerId", "Orders", "CustomerId");
        migrationBuilder.CreateIndex("IX_Orders_Number", "Orders", "Number", unique: true);
        migrationBuilder.CreateIndex("IX_Orders_Phone", "Orders", "Phone");
        migrationBuilder.CreateIndex("IX_Orders_Status_CreatedAtUtc", "Orders", new[] { "Status", "CreatedAtUtc" });
        migrationBuilder.CreateIndex("IX_Orders_TrackingCode", "Orders", "TrackingCode", unique: true);
        migrationBuilder.CreateIndex("IX_OrderTimeline_OrderId", "OrderTimeline", "OrderId");
        migrationBuilder.CreateIndex("IX_Policies_Code", "Policies", "Code", unique: true);
        migrationBuilder.CreateIndex("IX_Products_Sku", "Products", "Sku", unique: true);
        migrationBuilder.CreateIndex("IX_SerialUnits_LocationId", "SerialUnits", "LocationId");
        migrationBuilder.CreateIndex("IX_SerialUnits_Serial", "SerialUnits", "Serial", unique: true);
        migrationBuilder.CreateIndex("IX_SerialUnits_Sku_LocationId_Status", "SerialUnits", new[] { "Sku", "LocationId", "Status" });
        migrationBuilder.CreateIndex("IX_StockItems_LocationId", "StockItems", "LocationId");
        migrationBuilder.CreateIndex("IX_StockItems_Sku_LocationId", "StockItems", new[] { "Sku", "LocationId" }, unique: true);
        migrationBuilder.CreateIndex("IX_StockLocations_Code", "StockLocations", "Code", unique: true);
        migrationBuilder.CreateIndex("IX_StockMovements_LocationId", "StockMovements", "LocationId");
        migrationBuilder.CreateIndex("IX_StockMovements_Reference", "StockMovements", "Reference");
        migrationBuilder.CreateIndex("IX_StockMovements_Sku_AtUtc", "StockMovements", new[] { "Sku", "AtUtc" });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[]
        {
            "OrderTimeline", "OrderLines", "OpportunityTimeline", "OpportunityLines", "OpportunityContacts", "StockMovements",
            "StockItems", "SerialUnits", "Orders", "Opportunities", "CustomerAddresses", "StockLocations", "Products", "Policies", "Customers",
        })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
