using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Inventory;

namespace Portal.Infrastructure.Persistence.Configurations.Inventory;

internal sealed class StockLocationConfiguration : IEntityTypeConfiguration<StockLocation>
{
    public void Configure(EntityTypeBuilder<StockLocation> builder)
    {
        builder.ToTable("StockLocations");
        builder.Property(l => l.Code).HasMaxLength(32).IsRequired();
        builder.HasIndex(l => l.Code).IsUnique();
        builder.Property(l => l.Name).HasMaxLength(100).IsRequired();
        builder.Property(l => l.City).HasMaxLength(50).IsRequired();
        builder.Property(l => l.District).HasMaxLength(50).IsRequired();
    }
}

internal sealed class StockItemConfiguration : IEntityTypeConfiguration<StockItem>
{
    public void Configure(EntityTypeBuilder<StockItem> builder)
    {
        builder.ToTable("StockItems");
        builder.Property(s => s.Sku).HasMaxLength(32).IsRequired();
        builder.HasIndex(s => new { s.Sku, s.LocationId }).IsUnique();
        builder.HasOne<StockLocation>().WithMany().HasForeignKey(s => s.LocationId).OnDelete(DeleteBehavior.Restrict);
        // Two sales of the same last unit must not both commit.
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Ignore(s => s.Available);
    }
}

internal sealed class SerialUnitConfiguration : IEntityTypeConfiguration<SerialUnit>
{
    public void Configure(EntityTypeBuilder<SerialUnit> builder)
    {
        builder.ToTable("SerialUnits");
        builder.Property(s => s.Sku).HasMaxLength(32).IsRequired();
        builder.Property(s => s.Serial).HasMaxLength(20).IsRequired();
        builder.HasIndex(s => s.Serial).IsUnique();
        builder.HasIndex(s => new { s.Sku, s.LocationId, s.Status });
        builder.Property(s => s.ReservedForOrder).HasMaxLength(14);
        builder.HasOne<StockLocation>().WithMany().HasForeignKey(s => s.LocationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StockMovementConfiguration : IEntityTypeConfiguration<StockMovement>
{
    public void Configure(EntityTypeBuilder<StockMovement> builder)
    {
        builder.ToTable("StockMovements");
        builder.Property(m => m.Sku).HasMaxLength(32).IsRequired();
        builder.Property(m => m.Reference).HasMaxLength(32).IsRequired();
        builder.Property(m => m.Actor).HasMaxLength(256).IsRequired();
        builder.HasIndex(m => new { m.Sku, m.AtUtc });
        builder.HasIndex(m => m.Reference);
        builder.HasOne<StockLocation>().WithMany().HasForeignKey(m => m.LocationId).OnDelete(DeleteBehavior.Restrict);
    }
}
