using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Infrastructure.Persistence.ReferenceData;

namespace Portal.Infrastructure.Persistence.Configurations;

internal sealed class ReferenceStampConfiguration : IEntityTypeConfiguration<ReferenceStamp>
{
    public void Configure(EntityTypeBuilder<ReferenceStamp> builder)
    {
        builder.ToTable("ReferenceStamps");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasData(new { Id = ReferenceStamp.SingleId, Stamp = Guid.Empty });
    }
}
