using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Customers;

namespace Portal.Infrastructure.Persistence.Configurations.Customers;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> builder)
    {
        builder.ToTable("Customers");
        builder.Property(c => c.Phone).IsRequired();
        builder.HasIndex(c => c.Phone).IsUnique();
        builder.Property(c => c.Name).HasMaxLength(50).IsRequired();
        builder.Property(c => c.CurrentPlanSku).HasMaxLength(32);
        builder.Ignore(c => c.DefaultAddress);
        builder.Ignore(c => c.Profile);
        builder.Ignore(c => c.Tags);
        builder.Property<List<string>>("_tags")
            .HasColumnName("Tags")
            .HasConversion(new Conversions.StringListConverter(), new Conversions.StringListComparer())
            .HasMaxLength(500)
            .IsRequired();
        builder.OwnsMany(c => c.Addresses, address =>
        {
            address.AsRowsOf("CustomerAddresses", "CustomerId");
            address.Property(a => a.City).HasMaxLength(50).IsRequired();
            address.Property(a => a.District).HasMaxLength(50).IsRequired();
            address.Property(a => a.Line).HasMaxLength(200).IsRequired();
        });
        builder.Navigation(c => c.Addresses).HasField("_addresses");
    }
}
