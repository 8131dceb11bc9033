using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Infrastructure.Identity;

namespace Portal.Infrastructure.Persistence.Configurations.Identity;

internal sealed class ApiClientConfiguration : IEntityTypeConfiguration<ApiClient>
{
    public void Configure(EntityTypeBuilder<ApiClient> builder)
    {
        builder.ToTable("ApiClients");
        builder.Property(c => c.Name).HasMaxLength(100).IsRequired();
        builder.Property(c => c.KeyHash).HasMaxLength(64).IsRequired();
        // Clients that existed before scopes were introduced keep the one API they could call: intake.
        builder.Property(c => c.Scopes).HasMaxLength(200).IsRequired().HasDefaultValue(ApiScopes.Intake);
        builder.Ignore(c => c.ScopeList);
        builder.HasIndex(c => c.KeyHash).IsUnique();
        builder.HasIndex(c => c.Name).IsUnique();
    }
}

internal sealed class PortalUserConfiguration : IEntityTypeConfiguration<PortalUser>
{
    public void Configure(EntityTypeBuilder<PortalUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(100).IsRequired();
        builder.Property(u => u.IsDisabled).HasDefaultValue(false);
    }
}
