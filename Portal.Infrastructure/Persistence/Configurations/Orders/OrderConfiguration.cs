using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Customers;
using Portal.Domain.Orders;

namespace Portal.Infrastructure.Persistence.Configurations.Orders;

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> builder)
    {
        builder.ToTable("Orders");
        builder.Property(o => o.Number).HasMaxLength(14).IsRequired();
        builder.HasIndex(o => o.Number).IsUnique();
        builder.HasIndex(o => o.TrackingCode).IsUnique();
        builder.HasIndex(o => new { o.Status, o.CreatedAtUtc });
        builder.HasIndex(o => o.Phone);
        builder.HasIndex(o => o.CreatedAtUtc);
        builder.HasOne<Customer>().WithMany().HasForeignKey(o => o.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(o => o.CustomerName).HasMaxLength(50).IsRequired();
        builder.Property(o => o.Phone).IsRequired();
        builder.Property(o => o.PolicyCode).HasMaxLength(32);
        builder.Property(o => o.Courier).HasMaxLength(100);
        builder.Property(o => o.CreatedBy).HasMaxLength(256).IsRequired();
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.Ignore(o => o.AmountToCollect);

        builder.OwnsOne(o => o.DeliveryAddress, address =>
        {
            address.Property(a => a.City).HasColumnName("DeliveryCity").HasMaxLength(50);
            address.Property(a => a.District).HasColumnName("DeliveryDistrict").HasMaxLength(50);
            address.Property(a => a.Line).HasColumnName("DeliveryLine").HasMaxLength(200);
        });
        builder.OwnsOne(o => o.DeliveryWindow, window =>
        {
            window.Property(w => w.Date).HasColumnName("DeliveryDate");
            window.Property(w => w.From).HasColumnName("DeliveryFrom");
            window.Property(w => w.To).HasColumnName("DeliveryTo");
        });

        builder.OwnsMany(o => o.Lines, line =>
        {
            line.AsRowsOf("OrderLines", "OrderId");
            line.Property(l => l.Sku).HasMaxLength(32).IsRequired();
            line.Property(l => l.Name).HasMaxLength(100).IsRequired();
            line.Ignore(l => l.LineTotal);
            line.Ignore(l => l.IsSerialTracked);
            line.Ignore(l => l.RequiresShipping);
            line.Ignore(l => l.Serials);
            line.Property<List<string>>("_serials")
                .HasColumnName("Serials")
                .HasConversion(new Conversions.StringListConverter(), new Conversions.StringListComparer())
                .HasMaxLength(2000)
                .IsRequired();
        });
        builder.Navigation(o => o.Lines).HasField("_lines");

        builder.OwnsMany(o => o.Timeline, entry =>
        {
            entry.AsRowsOf("OrderTimeline", "OrderId");
            entry.Property(e => e.Actor).HasMaxLength(256).IsRequired();
            entry.Property(e => e.Reason).HasMaxLength(500);
        });
        builder.Navigation(o => o.Timeline).HasField("_timeline");
    }
}
