using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Infrastructure.Persistence.Configurations;

internal static class OwnedRows
{
    /// <summary>
    /// A collection owned by an aggregate (lines, timeline entries, addresses) lives in its own table, keyed by a
    /// surrogate id the domain never sees, with a foreign key to its owner.
    /// </summary>
    public static OwnedNavigationBuilder<TOwner, TRow> AsRowsOf<TOwner, TRow>(
        this OwnedNavigationBuilder<TOwner, TRow> rows, string table, string ownerKey)
        where TOwner : class
        where TRow : class
    {
        rows.ToTable(table);
        rows.WithOwner().HasForeignKey(ownerKey);
        rows.Property<long>("Id");
        rows.HasKey("Id");
        return rows;
    }
}
