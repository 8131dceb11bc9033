using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Portal.Domain.Customers;
using Portal.Domain.KeyMoments;

namespace Portal.Infrastructure.Persistence.Configurations.KeyMoments;

internal sealed class UsageFactConfiguration : IEntityTypeConfiguration<UsageFact>
{
    public void Configure(EntityTypeBuilder<UsageFact> builder)
    {
        builder.ToTable("UsageFacts");
        builder.Property(f => f.Phone).IsRequired();
        // One fact per number and month: the idempotency of the usage feed rests on this.
        builder.HasIndex(f => new { f.Phone, f.Period }).IsUnique();
        builder.Property(f => f.PlanCode).HasMaxLength(32).IsRequired();
        builder.Property(f => f.HandsetModel).HasMaxLength(50);
        builder.Ignore(f => f.Figures);
        builder.Ignore(f => f.DataUsedGb);
        builder.Ignore(f => f.DataQuotaGb);
    }
}

internal sealed class KeyMomentRuleConfiguration : IEntityTypeConfiguration<KeyMomentRule>
{
    public void Configure(EntityTypeBuilder<KeyMomentRule> builder)
    {
        builder.ToTable("KeyMomentRules");
        builder.Property(r => r.Code).HasMaxLength(32).IsRequired();
        builder.HasIndex(r => r.Code).IsUnique();
        builder.Property(r => r.NameEn).HasMaxLength(100).IsRequired();
        builder.Property(r => r.NameZh).HasMaxLength(100).IsRequired();
        builder.Property(r => r.ScriptEn).HasMaxLength(2000).IsRequired();
        builder.Property(r => r.ScriptZh).HasMaxLength(2000).IsRequired();
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.OfferCodes);
        builder.Property<List<string>>("_offerCodes")
            .HasColumnName("OfferCodes")
            .HasConversion(new Conversions.StringListConverter(), new Conversions.StringListComparer())
            .HasMaxLength(500)
            .IsRequired();
        builder.Ignore(r => r.Tiers);
        builder.Property<List<CustomerTier>>("_tiers")
            .HasColumnName("Tiers")
            .HasConversion(new TierListConverter(), new TierListComparer())
            .HasMaxLength(100)
            .IsRequired();
    }

    /// <summary>Tiers by name, comma-separated ("FourStarPlus,Vip"); empty means every tier.</summary>
    private sealed class TierListConverter() : ValueConverter<List<CustomerTier>, string>(
        tiers => string.Join(',', tiers),
        text => text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<CustomerTier>).ToList());

    private sealed class TierListComparer() : ValueComparer<List<CustomerTier>>(
        (a, b) => a!.SequenceEqual(b!),
        list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item)),
        list => list.ToList());
}

internal sealed class RepTaskConfiguration : IEntityTypeConfiguration<RepTask>
{
    public void Configure(EntityTypeBuilder<RepTask> builder)
    {
        builder.ToTable("RepTasks");
        builder.Property(t => t.RuleCode).HasMaxLength(32).IsRequired();
        builder.Property(t => t.MomentKey).HasMaxLength(80).IsRequired();
        // The same moment never raises a second task, however often the rules run or on how many nodes.
        builder.HasIndex(t => new { t.Phone, t.MomentKey }).IsUnique();
        builder.HasIndex(t => new { t.Status, t.CreatedAtUtc });
        builder.HasOne<Customer>().WithMany().HasForeignKey(t => t.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(t => t.Phone).IsRequired();
        builder.Property(t => t.CustomerName).HasMaxLength(50).IsRequired();
        builder.Property(t => t.Evidence).HasMaxLength(200).IsRequired();
        builder.Property(t => t.ClaimedBy).HasMaxLength(256);
        builder.Property(t => t.OutcomeReason).HasMaxLength(500);
        builder.Property(t => t.OrderNumber).HasMaxLength(32);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.Ignore(t => t.OfferCodes);
        builder.Property<List<string>>("_offerCodes")
            .HasColumnName("OfferCodes")
            .HasConversion(new Conversions.StringListConverter(), new Conversions.StringListComparer())
            .HasMaxLength(500)
            .IsRequired();
    }
}

internal sealed class OfferOutcomeConfiguration : IEntityTypeConfiguration<OfferOutcome>
{
    public void Configure(EntityTypeBuilder<OfferOutcome> builder)
    {
        builder.ToTable("OfferOutcomes");
        builder.Property(o => o.Phone).IsRequired();
        builder.HasIndex(o => new { o.Phone, o.OfferCode, o.RecordedAtUtc });
        builder.Property(o => o.OfferCode).HasMaxLength(32).IsRequired();
        builder.Property(o => o.Reason).HasMaxLength(500);
        builder.Property(o => o.RecordedBy).HasMaxLength(256).IsRequired();
        builder.Ignore(o => o.Suppresses);
    }
}
