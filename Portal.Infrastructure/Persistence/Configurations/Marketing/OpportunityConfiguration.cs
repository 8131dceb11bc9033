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
            line.ToTable("OpportunityLines");
            line.WithOwner().HasForeignKey("OpportunityId");
            line.Property<long>("Id");
            line.HasKey("Id");
            line.Property(l => l.Sku).HasMaxLength(32).IsRequired();
            line.Property(l => l.Name).HasMaxLength(100).IsRequired();
        });
        builder.Navigation(o => o.InterestedLines).HasField("_interestedLines");

        builder.OwnsMany(o => o.ContactAttempts, attempt =>
        {
            attempt.ToTable("OpportunityContacts");
            attempt.WithOwner().HasForeignKey("OpportunityId");
            attempt.Property<long>("Id");
            attempt.HasKey("Id");
            attempt.Property(a => a.By).HasMaxLength(256).IsRequired();
            attempt.Property(a => a.Note).HasMaxLength(500);
        });
        builder.Navigation(o => o.ContactAttempts).HasField("_contactAttempts");

        builder.OwnsMany(o => o.Timeline, entry =>
        {
            entry.ToTable("OpportunityTimeline");
            entry.WithOwner().HasForeignKey("OpportunityId");
            entry.Property<long>("Id");
            entry.HasKey("Id");
            entry.Property(e => e.Actor).HasMaxLength(256).IsRequired();
            entry.Property(e => e.Reason).HasMaxLength(500);
        });
        builder.Navigation(o => o.Timeline).HasField("_timeline");
    }
}
