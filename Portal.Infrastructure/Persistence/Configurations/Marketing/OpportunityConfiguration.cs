using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Customers;
using Portal.Domain.Marketing;

namespace Portal.Infrastructure.Persistence.Configurations.Marketing;

internal sealed class OpportunityConfiguration : IEntityTypeConfiguration<Opportunity>
{
    public void Configure(EntityTypeBuilder<Opportunity> builder)
    {
        builder.ToTable("Opportunities");
        builder.Property(o => o.Number).HasMaxLength(14).IsRequired();
        builder.HasIndex(o => o.Number).IsUnique();
        builder.HasIndex(o => new { o.Status, o.CreatedAtUtc });
        builder.HasOne<Customer>().WithMany().HasForeignKey(o => o.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(o => o.CustomerName).HasMaxLength(50).IsRequired();
        builder.Property(o => o.Phone).IsRequired();
        builder.Property(o => o.Note).HasMaxLength(500);
        builder.Property(o => o.ClaimedBy).HasMaxLength(256);
        builder.Property(o => o.ConvertedOrderNumber).HasMaxLength(14);
        builder.Property(o => o.LostReason).HasMaxLength(500);
        builder.Property(o => o.CreatedBy).HasMaxLength(256).IsRequired();

        builder.OwnsMany(o => o.InterestedLines, line =>
        {
            line.AsRowsOf("OpportunityLines", "OpportunityId");
            line.Property(l => l.Sku).HasMaxLength(32).IsRequired();
            line.Property(l => l.Name).HasMaxLength(100).IsRequired();
        });
        builder.Navigation(o => o.InterestedLines).HasField("_interestedLines");

        builder.OwnsMany(o => o.ContactAttempts, attempt =>
        {
            attempt.AsRowsOf("OpportunityContacts", "OpportunityId");
            attempt.Property(a => a.By).HasMaxLength(256).IsRequired();
            attempt.Property(a => a.Note).HasMaxLength(500);
            // A repeat of the same attempt (double click, replay to another node) cannot be stored twice.
            attempt.HasIndex(nameof(ContactAttempt.RequestId), "OpportunityId").IsUnique();
        });
        builder.Navigation(o => o.ContactAttempts).HasField("_contactAttempts");

        builder.OwnsMany(o => o.Timeline, entry =>
        {
            entry.AsRowsOf("OpportunityTimeline", "OpportunityId");
            entry.Property(e => e.Actor).HasMaxLength(256).IsRequired();
            entry.Property(e => e.Reason).HasMaxLength(500);
        });
        builder.Navigation(o => o.Timeline).HasField("_timeline");
    }
}
