using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Payments;
using Portal.Infrastructure.Payments;

namespace Portal.Infrastructure.Persistence.Configurations.Payments;

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> builder)
    {
        builder.ToTable("Payments");
        builder.HasIndex(p => p.Key).IsUnique();
        builder.HasIndex(p => p.OrderNumber);
        // A PaymentIntent or a bank POS slip pays for one attempt only: a reused slip is refused by the database too.
        builder.HasIndex(p => new { p.Channel, p.Reference }).IsUnique();
        builder.Property(p => p.OrderNumber).HasMaxLength(14).IsRequired();
        builder.Property(p => p.Reference).HasMaxLength(64);
        builder.Property(p => p.TerminalId).HasMaxLength(64);
        builder.Property(p => p.FailureReason).HasMaxLength(500);
        builder.Property(p => p.Discrepancy).HasMaxLength(200);
        builder.Property(p => p.CreatedBy).HasMaxLength(256).IsRequired();
        builder.Property(p => p.SettledBy).HasMaxLength(256);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.Change);
        builder.HasIndex(p => p.LinkExpiresAtUtc);
        builder.Ignore(p => p.IsCaptured);
        builder.Ignore(p => p.Captured);
        builder.Ignore(p => p.Refunded);
        builder.Ignore(p => p.Refundable);

        builder.OwnsMany(p => p.Refunds, refund =>
        {
            refund.AsRowsOf("PaymentRefunds", "PaymentId");
            refund.HasIndex(r => r.Key).IsUnique();
            refund.Property(r => r.Reason).HasMaxLength(500).IsRequired();
            refund.Property(r => r.Reference).HasMaxLength(64);
            refund.Property(r => r.RequestedBy).HasMaxLength(256).IsRequired();
            refund.Property(r => r.ApprovedBy).HasMaxLength(256);
            refund.Property(r => r.FailureReason).HasMaxLength(500);
            refund.Ignore(r => r.HoldsAmount);
        });
        builder.Navigation(p => p.Refunds).HasField("_refunds");
    }
}

internal sealed class StripeEventRecordConfiguration : IEntityTypeConfiguration<StripeEventRecord>
{
    public void Configure(EntityTypeBuilder<StripeEventRecord> builder)
    {
        builder.ToTable("StripeEvents");
        builder.HasKey(e => e.EventId);
        builder.Property(e => e.EventId).HasMaxLength(255);
        builder.Property(e => e.Type).HasMaxLength(100).IsRequired();
        builder.Property(e => e.ObjectId).HasMaxLength(255);
        builder.Property(e => e.Note).HasMaxLength(500);
        builder.Property(e => e.Payload).IsRequired();
        builder.HasIndex(e => new { e.Type, e.CreatedAtUtc });
        builder.HasIndex(e => e.Outcome);
    }
}
