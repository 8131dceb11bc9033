using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Catalog;
using Portal.Domain.Common;
using Portal.Domain.Customers;
using Portal.Domain.Dispatch;
using Portal.Domain.Inventory;
using Portal.Domain.KeyMoments;
using Portal.Domain.Marketing;
using Portal.Domain.Ledger;
using Portal.Domain.Orders;
using Portal.Domain.Payments;
using Portal.Domain.Shared;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Payments;
using Portal.Infrastructure.Jobs;

namespace Portal.Infrastructure.Persistence;

/// <summary>The portal's data. Instances are always of an engine's subclass (Persistence/Providers), which owns the migrations.</summary>
public abstract class PortalDbContext(DbContextOptions<PortalDbContext> options)
    : IdentityDbContext<PortalUser>(options), IDataProtectionKeyContext
{
    /// <summary>The shadow property holding the engine's own row version on server engines.</summary>
    public const string RowVersionProperty = "RowVersion";

    public DbSet<ApiClient> ApiClients => Set<ApiClient>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<Policy> Policies => Set<Policy>();
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<StockLocation> StockLocations => Set<StockLocation>();
    public DbSet<StockItem> StockItems => Set<StockItem>();
    public DbSet<SerialUnit> SerialUnits => Set<SerialUnit>();
    public DbSet<StockMovement> StockMovements => Set<StockMovement>();
    public DbSet<Order> Orders => Set<Order>();
    public DbSet<Opportunity> Opportunities => Set<Opportunity>();
    public DbSet<Zone> Zones => Set<Zone>();
    public DbSet<Courier> Couriers => Set<Courier>();
    public DbSet<ChannelRule> ChannelRules => Set<ChannelRule>();
    public DbSet<Delivery> Deliveries => Set<Delivery>();
    public DbSet<Run> Runs => Set<Run>();
    public DbSet<DeliveryPhoto> DeliveryPhotos => Set<DeliveryPhoto>();
    public DbSet<ProcessedRequest> ProcessedRequests => Set<ProcessedRequest>();
    public DbSet<Payment> Payments => Set<Payment>();
    public DbSet<LedgerTransaction> LedgerTransactions => Set<LedgerTransaction>();
    public DbSet<StripeEventRecord> StripeEvents => Set<StripeEventRecord>();
    public DbSet<JobLease> JobLeases => Set<JobLease>();
    public DbSet<Portal.Domain.Audit.AuditImport> AuditImports => Set<Portal.Domain.Audit.AuditImport>();
    public DbSet<Portal.Domain.Audit.BankStatementLine> BankStatementLines => Set<Portal.Domain.Audit.BankStatementLine>();
    public DbSet<Portal.Domain.Audit.PosSettlementLine> PosSettlementLines => Set<Portal.Domain.Audit.PosSettlementLine>();
    public DbSet<Portal.Domain.Audit.DepositSlip> DepositSlips => Set<Portal.Domain.Audit.DepositSlip>();
    public DbSet<Portal.Domain.Audit.CashHandover> CashHandovers => Set<Portal.Domain.Audit.CashHandover>();
    public DbSet<Portal.Domain.Audit.Variance> AuditVariances => Set<Portal.Domain.Audit.Variance>();
    public DbSet<Portal.Domain.Audit.ClosedPeriod> ClosedPeriods => Set<Portal.Domain.Audit.ClosedPeriod>();
    public DbSet<Portal.Domain.Audit.MatchDecisionRecord> MatchDecisions => Set<Portal.Domain.Audit.MatchDecisionRecord>();
    public DbSet<Portal.Domain.Audit.StripePayoutLine> StripePayoutLines => Set<Portal.Domain.Audit.StripePayoutLine>();
    public DbSet<Portal.Domain.Audit.StripeBalanceLine> StripeBalanceLines => Set<Portal.Domain.Audit.StripeBalanceLine>();
    public DbSet<Portal.Domain.Privacy.PersonalDataAccess> PersonalDataAccesses => Set<Portal.Domain.Privacy.PersonalDataAccess>();
    public DbSet<UsageFact> UsageFacts => Set<UsageFact>();
    public DbSet<KeyMomentRule> KeyMomentRules => Set<KeyMomentRule>();
    public DbSet<RepTask> RepTasks => Set<RepTask>();
    public DbSet<OfferOutcome> OfferOutcomes => Set<OfferOutcome>();

    /// <summary>Data-protection keys shared by every node, so a cookie issued by one is read by another.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Portal.Infrastructure.Outbox.OutboxMessage> OutboxMessages => Set<Portal.Infrastructure.Outbox.OutboxMessage>();
    public DbSet<ReferenceData.ReferenceStamp> ReferenceStamps => Set<ReferenceData.ReferenceStamp>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RenewReferenceStamp();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RenewReferenceStamp();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>A change to data the nodes cache renews the stamp in the same transaction (see ReferenceData.ReferenceStamp).</summary>
    private void RenewReferenceStamp()
    {
        var changesReferenceData = ChangeTracker.Entries().Any(e =>
            e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
            && e.Entity is Product or Policy or StockLocation or ApiClient);
        if (!changesReferenceData)
        {
            return;
        }

        var stamp = ReferenceStamps.Local.FirstOrDefault(s => s.Id == ReferenceData.ReferenceStamp.SingleId)
            ?? ReferenceStamps.Attach(ReferenceData.ReferenceStamp.Row()).Entity;
        stamp.Renew();
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Money>().HaveConversion<Conversions.MoneyConverter>().HavePrecision(18, 2);
        configurationBuilder.Properties<Msisdn>().HaveConversion<Conversions.MsisdnConverter>().HaveMaxLength(11);
        configurationBuilder.Properties<ResidentId>().HaveConversion<Conversions.ResidentIdConverter>().HaveMaxLength(18);
        configurationBuilder.Properties<TrackingCode>().HaveConversion<Conversions.TrackingCodeConverter>().HaveMaxLength(16);
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);

        // Domain events live only in memory until the unit of work dispatches them.
        foreach (var entity in builder.Model.GetEntityTypes().Where(e => typeof(Entity).IsAssignableFrom(e.ClrType)))
        {
            builder.Entity(entity.ClrType).Ignore(nameof(Entity.DomainEvents));
        }
    }

    /// <summary>The domain's aggregates: entities with their own table, not rows owned by another.</summary>
    protected static IEnumerable<Type> Aggregates(ModelBuilder builder) =>
        builder.Model.GetEntityTypes()
            .Where(e => typeof(Entity).IsAssignableFrom(e.ClrType) && !e.IsOwned())
            .Select(e => e.ClrType)
            .ToList();
}
