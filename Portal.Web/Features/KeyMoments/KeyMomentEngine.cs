using Microsoft.EntityFrameworkCore;
using Portal.Domain.Catalog;
using Portal.Domain.KeyMoments;
using Portal.Domain.Shared;
using Portal.Infrastructure.Persistence;

namespace Portal.Web.Features.KeyMoments;

/// <summary>
/// Runs the active rules over each number's latest facts and raises a task for every moment not raised before.
/// Called inside a command's transaction (on arrival of facts and by the scheduled sweep); the unique
/// (phone, moment) index makes a race between the two raise one task.
/// </summary>
internal static class KeyMomentEngine
{
    public static async Task<int> RaiseTasksAsync(PortalDbContext db, IReadOnlyCollection<Msisdn>? phones, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var rules = await db.KeyMomentRules.Where(r => r.IsActive).ToListAsync(cancellationToken);
        if (rules.Count == 0)
        {
            return 0;
        }

        var facts = db.UsageFacts.AsNoTracking()
            .Where(f => f.Period == db.UsageFacts.Where(g => g.Phone == f.Phone).Max(g => g.Period));
        var customers = db.Customers.AsNoTracking();
        var existing = db.RepTasks.AsNoTracking();
        if (phones is not null)
        {
            facts = facts.Where(f => phones.Contains(f.Phone));
            customers = customers.Where(c => phones.Contains(c.Phone));
            existing = existing.Where(t => phones.Contains(t.Phone));
        }

        var latest = await facts.ToListAsync(cancellationToken);
        var byPhone = (await customers.Select(c => new { c.Id, c.Phone, c.Name, c.Tier, c.CurrentPlanFee }).ToListAsync(cancellationToken))
            .ToDictionary(c => c.Phone);
        var raised = (await existing.Select(t => new { t.Phone, t.MomentKey }).ToListAsync(cancellationToken))
            .Select(t => (t.Phone, t.MomentKey)).ToHashSet();
        var planFees = await db.Products.AsNoTracking().Where(p => p.Kind == ProductKind.Plan)
            .ToDictionaryAsync(p => p.Sku, p => p.Price, cancellationToken);
        var today = ChinaTime.Today(nowUtc);

        var count = 0;
        foreach (var fact in latest)
        {
            if (!byPhone.TryGetValue(fact.Phone, out var customer))
            {
                continue; // facts may arrive before the customer is known here; the sweep picks them up later
            }

            Money? planFee = planFees.TryGetValue(fact.PlanCode, out var fee) ? fee : customer.CurrentPlanFee;
            foreach (var rule in rules)
            {
                if (rule.Evaluate(fact, customer.Tier, planFee, today) is { } moment && raised.Add((moment.Phone, moment.MomentKey)))
                {
                    db.RepTasks.Add(RepTask.Open(moment, rule.OfferCodes, customer.Id, customer.Name, customer.Tier, nowUtc));
                    count++;
                }
            }
        }

        return count;
    }
}
