using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Catalog;
using Portal.Domain.Customers;
using Portal.Domain.Shared;

namespace Portal.Infrastructure.Persistence.Configurations.Catalog;

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.ToTable("Products");
        builder.Property(p => p.Sku).HasMaxLength(32).IsRequired();
        builder.HasIndex(p => p.Sku).IsUnique();
        builder.Property(p => p.Name).HasMaxLength(100).IsRequired();
        builder.Property(p => p.DataGb).HasPrecision(9, 2);
        builder.Property(p => p.Brand).HasMaxLength(50);
        builder.Property(p => p.Model).HasMaxLength(50);
        builder.Property(p => p.Colour).HasMaxLength(30);
        builder.Ignore(p => p.MonthlyFee);
        builder.Ignore(p => p.IsSerialTracked);
        builder.Ignore(p => p.RequiresShipping);
    }
}

internal sealed class PolicyConfiguration : IEntityTypeConfiguration<Policy>
{
    public void Configure(EntityTypeBuilder<Policy> builder)
    {
        builder.ToTable("Policies");
        builder.Property(p => p.Code).HasMaxLength(32).IsRequired();
        builder.HasIndex(p => p.Code).IsUnique();
        builder.Property(p => p.Name).HasMaxLength(100).IsRequired();
        builder.Property(p => p.CallScript).HasMaxLength(2000).IsRequired();
        builder.Property(p => p.Eligibility)
            .HasConversion(e => EligibilityJson.Write(e), s => EligibilityJson.Read(s), EligibilityJson.Comparer)
            .HasMaxLength(1000)
            .IsRequired();
        builder.OwnsOne(p => p.Effect, effect =>
        {
            effect.Property(e => e.Kind).HasColumnName("EffectKind");
            effect.Property(e => e.Amount).HasColumnName("EffectAmount");
            effect.Property(e => e.Credit).HasColumnName("EffectCredit");
        });
        builder.Navigation(p => p.Effect).IsRequired();
    }

    /// <summary>Eligibility is read and written whole, never queried by part, so one JSON column holds it.</summary>
    private static class EligibilityJson
    {
        public static readonly ValueComparer<PolicyEligibility> Comparer = new((a, b) => Write(a!) == Write(b!), e => Write(e).GetHashCode(), e => e);

        public static string Write(PolicyEligibility e) => JsonSerializer.Serialize(new Stored(
            e.MinPlanFee?.Amount, e.MaxPlanFee?.Amount, e.AllowedTiers.Select(t => t.ToString()).ToArray(), e.RequiredTags.ToArray()));

        public static PolicyEligibility Read(string json)
        {
            var s = JsonSerializer.Deserialize<Stored>(json)!;
            return PolicyEligibility.Create(
                s.MinPlanFee is { } min ? Money.Yuan(min) : null,
                s.MaxPlanFee is { } max ? Money.Yuan(max) : null,
                s.AllowedTiers.Select(Enum.Parse<CustomerTier>),
                s.RequiredTags);
        }

        private sealed record Stored(decimal? MinPlanFee, decimal? MaxPlanFee, string[] AllowedTiers, string[] RequiredTags);
    }
}
