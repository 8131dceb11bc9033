using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Audit;

namespace Portal.Infrastructure.Persistence.Configurations.Audit;

/// <summary>
/// The three-tier audit's tables. The unique indexes are what make imports idempotent: a bank line by the bank's
/// LineId, a settled slip by terminal, batch and reference, a deposit by its slip number, a file by its hash.
/// </summary>
internal sealed class AuditImportConfiguration : IEntityTypeConfiguration<AuditImport>
{
    public void Configure(EntityTypeBuilder<AuditImport> builder)
    {
        builder.ToTable("AuditImports");
        builder.HasIndex(i => i.Key).IsUnique();
        builder.HasIndex(i => new { i.Kind, i.FileHash });
        builder.Property(i => i.FileName).HasMaxLength(200).IsRequired();
        builder.Property(i => i.FileHash).HasMaxLength(64).IsRequired();
        builder.Property(i => i.ImportedBy).HasMaxLength(256).IsRequired();
    }
}

internal sealed class BankStatementLineConfiguration : IEntityTypeConfiguration<BankStatementLine>
{
    public void Configure(EntityTypeBuilder<BankStatementLine> builder)
    {
        builder.ToTable("BankStatementLines");
        builder.HasIndex(l => l.LineId).IsUnique();
        builder.HasIndex(l => l.BookingDate);
        builder.Property(l => l.LineId).HasMaxLength(64).IsRequired();
        builder.Property(l => l.Reference).HasMaxLength(100);
        builder.Property(l => l.Counterparty).HasMaxLength(200);
        builder.Property(l => l.Narrative).HasMaxLength(500);
    }
}

internal sealed class PosSettlementLineConfiguration : IEntityTypeConfiguration<PosSettlementLine>
{
    public void Configure(EntityTypeBuilder<PosSettlementLine> builder)
    {
        builder.ToTable("PosSettlementLines");
        builder.HasIndex(l => new { l.TerminalId, l.BatchNo, l.Reference }).IsUnique();
        builder.HasIndex(l => l.SettlementDate);
        builder.Property(l => l.TerminalId).HasMaxLength(64).IsRequired();
        builder.Property(l => l.BatchNo).HasMaxLength(64).IsRequired();
        builder.Property(l => l.Reference).HasMaxLength(64).IsRequired();
        builder.Property(l => l.CardLast4).HasMaxLength(4);
    }
}

internal sealed class DepositSlipConfiguration : IEntityTypeConfiguration<DepositSlip>
{
    public void Configure(EntityTypeBuilder<DepositSlip> builder)
    {
        builder.ToTable("DepositSlips");
        builder.HasIndex(d => d.SlipNumber).IsUnique();
        builder.HasIndex(d => d.Day);
        builder.Property(d => d.SlipNumber).HasMaxLength(64).IsRequired();
        builder.Property(d => d.Station).HasMaxLength(100).IsRequired();
        builder.Property(d => d.Account).HasMaxLength(64).IsRequired();
        builder.Property(d => d.RecordedBy).HasMaxLength(256).IsRequired();
    }
}

internal sealed class CashHandoverConfiguration : IEntityTypeConfiguration<CashHandover>
{
    public void Configure(EntityTypeBuilder<CashHandover> builder)
    {
        builder.ToTable("CashHandovers");
        builder.HasIndex(h => h.Key).IsUnique();
        // One handover per courier per day: a second count is a correction, not another handover.
        builder.HasIndex(h => new { h.Courier, h.Day }).IsUnique();
        builder.HasIndex(h => h.Day);
        builder.Property(h => h.Courier).HasMaxLength(100).IsRequired();
        builder.Property(h => h.Station).HasMaxLength(100).IsRequired();
        builder.Property(h => h.Count).HasMaxLength(200).IsRequired();
        builder.Property(h => h.PosSlipsExpected).HasMaxLength(4000).IsRequired();
        builder.Property(h => h.PosSlipsTicked).HasMaxLength(4000).IsRequired();
        builder.Property(h => h.CountedBy).HasMaxLength(256).IsRequired();
        builder.Property(h => h.CourierSignedBy).HasMaxLength(256);
        builder.Property(h => h.CourierDisputeNote).HasMaxLength(500);
        builder.Property(h => h.Version).IsConcurrencyToken();
        builder.Ignore(h => h.CashVariance);
        builder.Ignore(h => h.MissingSlips);
        builder.Ignore(h => h.IsSigned);
        builder.Ignore(h => h.IsComplete);
        builder.Ignore(h => h.IsDisputed);
    }
}

internal sealed class VarianceConfiguration : IEntityTypeConfiguration<Variance>
{
    public void Configure(EntityTypeBuilder<Variance> builder)
    {
        builder.ToTable("AuditVariances");
        builder.HasIndex(v => v.Key).IsUnique();
        builder.HasIndex(v => v.Subject);
        builder.HasIndex(v => v.Day);
        builder.Property(v => v.Subject).HasMaxLength(100).IsRequired();
        builder.Property(v => v.Reason).HasMaxLength(500).IsRequired();
        builder.Property(v => v.RaisedBy).HasMaxLength(256).IsRequired();
        builder.Property(v => v.CountedBy).HasMaxLength(256);
        builder.Property(v => v.DecidedBy).HasMaxLength(256);
        builder.Property(v => v.DecisionNote).HasMaxLength(500);
        builder.Property(v => v.Version).IsConcurrencyToken();
        builder.Ignore(v => v.IsResolved);
    }
}

internal sealed class ClosedPeriodConfiguration : IEntityTypeConfiguration<ClosedPeriod>
{
    public void Configure(EntityTypeBuilder<ClosedPeriod> builder)
    {
        builder.ToTable("ClosedPeriods");
        builder.HasIndex(p => new { p.Kind, p.Start }).IsUnique();
        builder.Property(p => p.ClosedBy).HasMaxLength(256).IsRequired();
    }
}

internal sealed class MatchDecisionRecordConfiguration : IEntityTypeConfiguration<MatchDecisionRecord>
{
    public void Configure(EntityTypeBuilder<MatchDecisionRecord> builder)
    {
        builder.ToTable("MatchDecisions");
        builder.HasIndex(d => d.Key).IsUnique();
        builder.HasIndex(d => new { d.Scope, d.DecidedAtUtc });
        builder.Property(d => d.Scope).HasMaxLength(32).IsRequired();
        builder.Property(d => d.ExpectedKeys).IsRequired();
        builder.Property(d => d.ActualKeys).IsRequired();
        builder.Property(d => d.DecidedBy).HasMaxLength(256).IsRequired();
        builder.Property(d => d.Reason).HasMaxLength(200);
    }
}

internal sealed class StripePayoutLineConfiguration : IEntityTypeConfiguration<StripePayoutLine>
{
    public void Configure(EntityTypeBuilder<StripePayoutLine> builder)
    {
        builder.ToTable("StripePayoutLines");
        builder.HasIndex(p => p.PayoutId).IsUnique();
        builder.HasIndex(p => p.ArrivalDate);
        builder.Property(p => p.PayoutId).HasMaxLength(64).IsRequired();
        builder.Property(p => p.Status).HasMaxLength(32).IsRequired();
    }
}

internal sealed class StripeBalanceLineConfiguration : IEntityTypeConfiguration<StripeBalanceLine>
{
    public void Configure(EntityTypeBuilder<StripeBalanceLine> builder)
    {
        builder.ToTable("StripeBalanceLines");
        builder.HasIndex(b => b.TransactionId).IsUnique();
        builder.HasIndex(b => b.PayoutId);
        builder.HasIndex(b => b.Date);
        builder.Property(b => b.TransactionId).HasMaxLength(64).IsRequired();
        builder.Property(b => b.PayoutId).HasMaxLength(64).IsRequired();
        builder.Property(b => b.PaymentIntent).HasMaxLength(64);
        builder.Property(b => b.Type).HasMaxLength(32).IsRequired();
    }
}
