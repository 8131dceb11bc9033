using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Dispatch;

namespace Portal.Infrastructure.Persistence.Configurations.Dispatch;

internal sealed class ZoneConfiguration : IEntityTypeConfiguration<Zone>
{
    public void Configure(EntityTypeBuilder<Zone> builder)
    {
        builder.ToTable("Zones");
        builder.Property(z => z.Code).HasMaxLength(20).IsRequired();
        builder.HasIndex(z => z.Code).IsUnique();
        builder.Property(z => z.District).HasMaxLength(50).IsRequired();
        builder.Property(z => z.Community).HasMaxLength(100);
        builder.Ignore(z => z.IsCommunity);
        builder.ComplexProperty(z => z.Centre).Position("Centre");
    }
}

internal sealed class CourierConfiguration : IEntityTypeConfiguration<Courier>
{
    public void Configure(EntityTypeBuilder<Courier> builder)
    {
        builder.ToTable("Couriers");
        builder.Property(c => c.Login).HasMaxLength(256).IsRequired();
        builder.HasIndex(c => c.Login).IsUnique();
        builder.Property(c => c.Name).HasMaxLength(50).IsRequired();
        builder.Ignore(c => c.FirstName);
        builder.Ignore(c => c.ZoneCodes);
        builder.Property<List<string>>("_zoneCodes")
            .HasColumnName("ZoneCodes")
            .HasConversion(new Conversions.StringListConverter(), new Conversions.StringListComparer())
            .HasMaxLength(1000)
            .IsRequired();
        builder.ComplexProperty(c => c.Start).Position("Start");
    }
}

internal sealed class ChannelRuleConfiguration : IEntityTypeConfiguration<ChannelRule>
{
    public void Configure(EntityTypeBuilder<ChannelRule> builder)
    {
        builder.ToTable("ChannelRules");
        builder.Property(r => r.Description).HasMaxLength(200).IsRequired();
    }
}

internal sealed class DeliveryConfiguration : IEntityTypeConfiguration<Delivery>
{
    public void Configure(EntityTypeBuilder<Delivery> builder)
    {
        builder.ToTable("Deliveries");
        builder.Property(d => d.OrderNumber).HasMaxLength(14).IsRequired();
        builder.HasIndex(d => d.OrderNumber).IsUnique();
        builder.Property(d => d.TrackingCode).IsRequired();
        builder.HasIndex(d => d.TrackingCode).IsUnique();
        builder.Property(d => d.RecipientName).HasMaxLength(50).IsRequired();
        builder.Property(d => d.RecipientPhone).IsRequired();
        builder.Property(d => d.ZoneCode).HasMaxLength(20).IsRequired();
        builder.Property(d => d.AssignmentReason).HasMaxLength(200);
        builder.Property(d => d.IdCheckedLast4).HasMaxLength(4);
        builder.Property(d => d.SignatureReference).HasMaxLength(200);
        builder.Property(d => d.ReceivedBy).HasMaxLength(50);
        builder.Property(d => d.HoldReason).HasMaxLength(200);
        builder.HasIndex(d => new { d.Status, d.CourierId });
        builder.HasOne<Courier>().WithMany().HasForeignKey(d => d.CourierId).OnDelete(DeleteBehavior.Restrict);
        // Two dispatchers (or a dispatcher and the courier) must not both change the same delivery.
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.Ignore(d => d.ContainsHandset);
        builder.Ignore(d => d.IsSimOnly);
        builder.Ignore(d => d.RequiresIdCheck);
        builder.Ignore(d => d.IsOpen);
        builder.Ignore(d => d.Handover);
        builder.ComplexProperty(d => d.Location).Position("Location");

        builder.OwnsOne(d => d.Address, address =>
        {
            address.Property(a => a.City).HasColumnName("City").HasMaxLength(50).IsRequired();
            address.Property(a => a.District).HasColumnName("District").HasMaxLength(50).IsRequired();
            address.Property(a => a.Line).HasColumnName("AddressLine").HasMaxLength(200).IsRequired();
        });
        builder.Navigation(d => d.Address).IsRequired();
        builder.OwnsOne(d => d.Window, window =>
        {
            window.Property(w => w.Date).HasColumnName("WindowDate");
            window.Property(w => w.From).HasColumnName("WindowFrom");
            window.Property(w => w.To).HasColumnName("WindowTo");
            window.HasIndex(w => w.Date);
        });
        builder.Navigation(d => d.Window).IsRequired();

        builder.OwnsMany(d => d.Items, item =>
        {
            item.AsRowsOf("DeliveryItems", "DeliveryId");
            item.Property(i => i.Sku).HasMaxLength(32).IsRequired();
            item.Property(i => i.Name).HasMaxLength(100).IsRequired();
            item.Ignore(i => i.IsSerialTracked);
            item.Ignore(i => i.IsComplete);
            item.Ignore(i => i.ReservedSerials);
            item.Ignore(i => i.HandedOverSerials);
            item.Property<List<string>>("_reservedSerials").HasColumnName("ReservedSerials")
                .HasConversion(new Conversions.StringListConverter(), new Conversions.StringListComparer()).HasMaxLength(2000).IsRequired();
            item.Property<List<string>>("_handedOverSerials").HasColumnName("HandedOverSerials")
                .HasConversion(new Conversions.StringListConverter(), new Conversions.StringListComparer()).HasMaxLength(2000).IsRequired();
        });
        builder.Navigation(d => d.Items).HasField("_items");

        builder.OwnsMany(d => d.Timeline, entry =>
        {
            entry.AsRowsOf("DeliveryTimeline", "DeliveryId");
            entry.Property(e => e.Actor).HasMaxLength(256).IsRequired();
            entry.Property(e => e.Note).HasMaxLength(300);
        });
        builder.Navigation(d => d.Timeline).HasField("_timeline");

        builder.OwnsMany(d => d.CarrierEvents, report =>
        {
            report.AsRowsOf("DeliveryCarrierEvents", "DeliveryId");
            report.Property(e => e.EventId).HasMaxLength(64).IsRequired();
            report.HasIndex("DeliveryId", nameof(CarrierEvent.EventId)).IsUnique();
            report.Property(e => e.Reason).HasMaxLength(200);
            report.Property(e => e.ReceivedBy).HasMaxLength(50);
        });
        builder.Navigation(d => d.CarrierEvents).HasField("_carrierEvents");
    }
}

internal sealed class RunConfiguration : IEntityTypeConfiguration<Run>
{
    public void Configure(EntityTypeBuilder<Run> builder)
    {
        builder.ToTable("Runs");
        builder.HasIndex(r => new { r.CourierId, r.Date }).IsUnique();
        builder.HasOne<Courier>().WithMany().HasForeignKey(r => r.CourierId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.WindowsMissed);
        builder.OwnsMany(r => r.Stops, stop =>
        {
            stop.AsRowsOf("RunStops", "RunId");
            stop.HasIndex(s => s.DeliveryId);
        });
        builder.Navigation(r => r.Stops).HasField("_stops");
    }
}

internal static class GeoColumns
{
    /// <summary>A position as two plain columns (Prefix + Latitude / Longitude), readable in any engine.</summary>
    public static ComplexPropertyBuilder<GeoPoint> Position(this ComplexPropertyBuilder<GeoPoint> point, string prefix)
    {
        point.Property(p => p.Latitude).HasColumnName(prefix + "Latitude");
        point.Property(p => p.Longitude).HasColumnName(prefix + "Longitude");
        return point;
    }
}

/// <summary>Photos live in their own table (bytes in the row there, never in Deliveries): shared by every node, backed up and
/// erased with the database, written in the same transaction as the failed attempt.</summary>
internal sealed class DeliveryPhotoConfiguration : IEntityTypeConfiguration<DeliveryPhoto>
{
    public void Configure(EntityTypeBuilder<DeliveryPhoto> builder)
    {
        builder.ToTable("DeliveryPhotos");
        builder.HasOne<Delivery>().WithMany().HasForeignKey(p => p.DeliveryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Courier>().WithMany().HasForeignKey(p => p.CourierId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.DeliveryId);
        builder.Property(p => p.ContentType).HasMaxLength(20);
        builder.Property(p => p.Content).HasMaxLength(DeliveryPhoto.MaxBytes);
    }
}
