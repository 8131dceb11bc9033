using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Privacy;

namespace Portal.Infrastructure.Persistence.Configurations.Privacy;

internal sealed class PersonalDataAccessConfiguration : IEntityTypeConfiguration<PersonalDataAccess>
{
    public void Configure(EntityTypeBuilder<PersonalDataAccess> builder)
    {
        builder.ToTable("PersonalDataAccesses");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Actor).HasMaxLength(100).IsRequired();
        builder.Property(a => a.Reason).HasMaxLength(200).IsRequired();
        builder.Property(a => a.Context).HasMaxLength(32);
        // The audit page filters by customer, by user and by period.
        builder.HasIndex(a => new { a.CustomerId, a.AtUtc });
        builder.HasIndex(a => new { a.Actor, a.AtUtc });
        builder.HasIndex(a => a.AtUtc);
    }
}
