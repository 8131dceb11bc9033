using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Ledger;

namespace Portal.Infrastructure.Persistence.Configurations.Ledger;

/// <summary>
/// The ledger's two tables. Rows are only ever inserted: the migration adds triggers that make the database
/// itself refuse UPDATE and DELETE, and (Kind, SourceReference) is unique so an event can never post twice.
/// </summary>
internal sealed class LedgerConfiguration : IEntityTypeConfiguration<LedgerTransaction>
{
    public const string TransactionsTable = "LedgerTransactions";
    public const string EntriesTable = "LedgerEntries";

    public void Configure(EntityTypeBuilder<LedgerTransaction> builder)
    {
        builder.ToTable(TransactionsTable);
        builder.HasIndex(t => t.Key).IsUnique();
        builder.HasIndex(t => new { t.Kind, t.SourceReference }).IsUnique();
        builder.HasIndex(t => t.Reverses).IsUnique();
        builder.HasIndex(t => t.OrderNumber);
        builder.HasIndex(t => t.PostedAtUtc);
        builder.Property(t => t.SourceReference).HasMaxLength(100).IsRequired();
        builder.Property(t => t.OrderNumber).HasMaxLength(14);
        builder.Property(t => t.Description).HasMaxLength(200).IsRequired();
        builder.Property(t => t.PostedBy).HasMaxLength(256).IsRequired();
        builder.Ignore(t => t.Total);

        builder.OwnsMany(t => t.Entries, entry =>
        {
            entry.AsRowsOf(EntriesTable, "TransactionId");
            entry.Property(e => e.AccountCode).HasMaxLength(ChartOfAccounts.MaxCodeLength).IsRequired();
            entry.HasIndex(e => e.AccountCode);
            entry.Ignore(e => e.Net);
        });
        builder.Navigation(t => t.Entries).HasField("_entries");
    }
}
