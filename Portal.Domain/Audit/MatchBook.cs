using Portal.Domain.Common;
using Portal.Domain.Shared;

namespace Portal.Domain.Audit;

/// <summary>
/// The matches of one reconciliation (a tier's expected items against its evidence), rebuilt from the append-only
/// log of decisions. The automatic rules run in a fixed order — exact reference, amount within the date
/// tolerance, then bounded combinations — over what is neither matched nor held back, so running them again
/// decides nothing new. Items a person unmatched are held back from the rules until matched by hand.
/// </summary>
public sealed class MatchBook
{
    public const string System = "system";

    private readonly List<MatchDecision> _history = [];
    private readonly Dictionary<Guid, MatchDecision> _current = [];
    private readonly Dictionary<string, Guid> _expectedMatch = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Guid> _actualMatch = new(StringComparer.Ordinal);
    private readonly HashSet<string> _heldExpected = new(StringComparer.Ordinal);
    private readonly HashSet<string> _heldActual = new(StringComparer.Ordinal);

    public MatchBook(IEnumerable<MatchDecision>? history = null)
    {
        foreach (var decision in (history ?? []).OrderBy(d => d.DecidedAtUtc))
        {
            Apply(decision);
        }
    }

    public IReadOnlyList<MatchDecision> History => _history;

    public IReadOnlyCollection<MatchDecision> Matches => _current.Values;

    public bool IsExpectedMatched(string key) => _expectedMatch.ContainsKey(key);

    public bool IsActualMatched(string key) => _actualMatch.ContainsKey(key);

    public MatchDecision? MatchOfExpected(string key) => _expectedMatch.TryGetValue(key, out var id) ? _current[id] : null;

    public MatchDecision? MatchOfActual(string key) => _actualMatch.TryGetValue(key, out var id) ? _current[id] : null;

    /// <summary>Runs the automatic rules over what is still open; returns the decisions it added (none on a re-run).</summary>
    public IReadOnlyList<MatchDecision> Run(IReadOnlyList<MatchItem> expected, IReadOnlyList<MatchItem> actual, MatchingOptions options, DateTime nowUtc)
    {
        var added = new List<MatchDecision>();
        var openExpected = Open(expected, _expectedMatch, _heldExpected);
        var openActual = Open(actual, _actualMatch, _heldActual);

        void Record(MatchRule rule, IReadOnlyList<MatchItem> e, IReadOnlyList<MatchItem> a)
        {
            var decision = new MatchDecision(
                Guid.NewGuid(), MatchDecisionKind.Match, rule, e.Select(i => i.Key).ToArray(), a.Select(i => i.Key).ToArray(),
                Money.Zero, System, nowUtc);
            Apply(decision);
            added.Add(decision);
            foreach (var item in e)
            {
                openExpected.Remove(item.Key);
            }

            foreach (var item in a)
            {
                openActual.Remove(item.Key);
            }
        }

        MatchByReference(openExpected, openActual, Record);
        MatchByAmountAndDate(openExpected, openActual, options, Record);
        MatchCombinations(openExpected, openActual, options, Record);
        return added;
    }

    /// <summary>A person matches what the rules could not; a difference stays on the worklist until explained.</summary>
    public MatchDecision MatchByHand(IReadOnlyList<MatchItem> expected, IReadOnlyList<MatchItem> actual, string actor, DateTime nowUtc, string? reason = null)
    {
        if (expected.Count == 0 || actual.Count == 0)
        {
            throw new DomainException("audit.match_needs_both_sides", "A match needs at least one item from the books and one piece of evidence");
        }

        if (expected.FirstOrDefault(i => _expectedMatch.ContainsKey(i.Key)) is { } e)
        {
            throw new DomainException("audit.already_matched", $"{e.Key} is already matched");
        }

        if (actual.FirstOrDefault(i => _actualMatch.ContainsKey(i.Key)) is { } a)
        {
            throw new DomainException("audit.already_matched", $"{a.Key} is already matched");
        }

        var difference = Sum(actual) - Sum(expected);
        var decision = new MatchDecision(
            Guid.NewGuid(), MatchDecisionKind.Match, MatchRule.Hand,
            expected.Select(i => i.Key).Distinct(StringComparer.Ordinal).ToArray(),
            actual.Select(i => i.Key).Distinct(StringComparer.Ordinal).ToArray(),
            difference, Require.Actor(actor), nowUtc, Reason: Require.OptionalText(reason, "Reason", 200, "audit.reason_required"));
        Apply(decision);
        return decision;
    }

    /// <summary>Undoes a match; its items go back on the worklist and the rules leave them to a person from now on.</summary>
    public MatchDecision Unmatch(Guid matchKey, string reason, string actor, DateTime nowUtc)
    {
        if (!_current.TryGetValue(matchKey, out var match))
        {
            throw new DomainException("audit.match_not_found", "That match does not exist or was already undone");
        }

        var decision = new MatchDecision(
            Guid.NewGuid(), MatchDecisionKind.Unmatch, match.Rule, match.Expected, match.Actual, match.Difference,
            Require.Actor(actor), nowUtc, matchKey, Require.Text(reason, "Reason", 200, "audit.reason_required"));
        Apply(decision);
        return decision;
    }

    /// <summary>
    /// What a person must look at: items on either side with no match, and hand matches with an unexplained
    /// difference (<paramref name="explained"/> holds the match keys whose difference has an approved variance).
    /// </summary>
    public IReadOnlyList<WorkItem> Worklist(
        AuditTier tier, IReadOnlyList<MatchItem> expected, IReadOnlyList<MatchItem> actual, DateOnly today, MatchingOptions options, IReadOnlySet<string>? explained = null)
    {
        var openExpected = expected.Where(i => !_expectedMatch.ContainsKey(i.Key)).ToList();
        var openActual = actual.Where(i => !_actualMatch.ContainsKey(i.Key)).ToList();
        var items = new List<WorkItem>();
        items.AddRange(openExpected.Select(i => new WorkItem(
            tier, WorkItemKind.UnmatchedExpected, i.Key, i.Amount, i.Date, Age(i.Date, today), Suggest(i, openActual, options), i.Reference)));
        items.AddRange(openActual.Select(i => new WorkItem(
            tier, WorkItemKind.UnmatchedActual, i.Key, i.Amount, i.Date, Age(i.Date, today), Suggest(i, openExpected, options), i.Reference)));
        Dictionary<string, DateOnly>? dates = null;
        foreach (var match in _current.Values.Where(m => m.Difference != Money.Zero && !(explained?.Contains(m.Key.ToString()) ?? false)))
        {
            dates ??= expected.Concat(actual).GroupBy(i => i.Key).ToDictionary(g => g.Key, g => g.First().Date, StringComparer.Ordinal);
            var date = match.Expected.Concat(match.Actual).Select(k => dates.TryGetValue(k, out var d) ? d : today).DefaultIfEmpty(today).Min();
            items.Add(new WorkItem(tier, WorkItemKind.Mismatch, match.Key.ToString(), match.Difference, date, Age(date, today), [.. match.Expected, .. match.Actual], match.Reason));
        }

        return items;
    }

    private void Apply(MatchDecision decision)
    {
        _history.Add(decision);
        if (decision.Kind == MatchDecisionKind.Match)
        {
            _current[decision.Key] = decision;
            foreach (var key in decision.Expected)
            {
                _expectedMatch[key] = decision.Key;
                _heldExpected.Remove(key);
            }

            foreach (var key in decision.Actual)
            {
                _actualMatch[key] = decision.Key;
                _heldActual.Remove(key);
            }

            return;
        }

        if (decision.Undoes is { } undone && _current.Remove(undone))
        {
            foreach (var key in decision.Expected)
            {
                _expectedMatch.Remove(key);
                _heldExpected.Add(key);
            }

            foreach (var key in decision.Actual)
            {
                _actualMatch.Remove(key);
                _heldActual.Add(key);
            }
        }
    }

    private static Dictionary<string, MatchItem> Open(IReadOnlyList<MatchItem> items, Dictionary<string, Guid> matched, HashSet<string> held)
    {
        var open = new Dictionary<string, MatchItem>(items.Count, StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (!matched.ContainsKey(item.Key) && !held.Contains(item.Key) && !open.TryAdd(item.Key, item))
            {
                throw new DomainException("audit.duplicate_key", $"{item.Key} appears twice on the same side");
            }
        }

        return open;
    }

    // Items in a stable order (date, then key), so the same inputs always give the same matches.
    private static List<MatchItem> Ordered(IEnumerable<MatchItem> items) =>
        [.. items.OrderBy(i => i.Date).ThenBy(i => i.Key, StringComparer.Ordinal)];

    private static void MatchByReference(
        Dictionary<string, MatchItem> expected, Dictionary<string, MatchItem> actual, Action<MatchRule, IReadOnlyList<MatchItem>, IReadOnlyList<MatchItem>> record)
    {
        // Bucketed by (reference, amount) without sorting everything: only the items sharing a bucket are put in
        // order (date, then key), so the pairing is the same whatever order the items came in.
        var buckets = new Dictionary<(string, long), (List<MatchItem> Ours, List<MatchItem> Theirs)>();
        foreach (var item in actual.Values.Where(i => i.Reference is not null))
        {
            var key = (Normalise(item.Reference!), item.Amount.ToMinorUnits());
            if (!buckets.TryGetValue(key, out var bucket))
            {
                buckets[key] = bucket = ([], []);
            }

            bucket.Theirs.Add(item);
        }

        foreach (var item in expected.Values.Where(i => i.Reference is not null))
        {
            if (buckets.TryGetValue((Normalise(item.Reference!), item.Amount.ToMinorUnits()), out var bucket))
            {
                bucket.Ours.Add(item);
            }
        }

        foreach (var (ours, theirs) in buckets.Values)
        {
            if (ours.Count == 0)
            {
                continue;
            }

            if (ours.Count == 1 && theirs.Count == 1)
            {
                record(MatchRule.Reference, [ours[0]], [theirs[0]]);
                continue;
            }

            var orderedOurs = Ordered(ours);
            var orderedTheirs = Ordered(theirs);
            for (var i = 0; i < Math.Min(orderedOurs.Count, orderedTheirs.Count); i++)
            {
                record(MatchRule.Reference, [orderedOurs[i]], [orderedTheirs[i]]);
            }
        }
    }

    private static void MatchByAmountAndDate(
        Dictionary<string, MatchItem> expected, Dictionary<string, MatchItem> actual, MatchingOptions options,
        Action<MatchRule, IReadOnlyList<MatchItem>, IReadOnlyList<MatchItem>> record)
    {
        var buckets = new Dictionary<(string?, long, DateOnly), List<MatchItem>>();
        foreach (var item in Ordered(actual.Values))
        {
            var key = (item.Group, item.Amount.ToMinorUnits(), item.Date);
            if (!buckets.TryGetValue(key, out var list))
            {
                buckets[key] = list = [];
            }

            list.Add(item);
        }

        foreach (var item in Ordered(expected.Values))
        {
            var fen = item.Amount.ToMinorUnits();
            for (var distance = 0; distance <= options.DateToleranceDays; distance++)
            {
                var partner = Take(item.Date.AddDays(distance)) ?? (distance > 0 ? Take(item.Date.AddDays(-distance)) : null);
                if (partner is not null)
                {
                    record(MatchRule.AmountAndDate, [item], [partner]);
                    break;
                }
            }

            MatchItem? Take(DateOnly date)
            {
                if (!buckets.TryGetValue((item.Group, fen, date), out var list))
                {
                    return null;
                }

                // Two things that both carry references which differ are not the same money, whatever their amounts.
                var index = list.FindIndex(c => c.Reference is null || item.Reference is null || Normalise(c.Reference) == Normalise(item.Reference));
                if (index < 0)
                {
                    return null;
                }

                var candidate = list[index];
                list.RemoveAt(index);
                return candidate;
            }
        }
    }

    private static void MatchCombinations(
        Dictionary<string, MatchItem> expected, Dictionary<string, MatchItem> actual, MatchingOptions options,
        Action<MatchRule, IReadOnlyList<MatchItem>, IReadOnlyList<MatchItem>> record)
    {
        // Each group's items once, in order; an item matched meanwhile drops out as its side's dictionary loses it.
        var ours = expected.Values.GroupBy(i => i.Group ?? "").ToDictionary(g => g.Key, g => Ordered(g));
        var theirs = actual.Values.GroupBy(i => i.Group ?? "").ToDictionary(g => g.Key, g => Ordered(g));
        foreach (var group in ours.Keys.Intersect(theirs.Keys).Order(StringComparer.Ordinal))
        {
            IEnumerable<MatchItem> OpenOurs() => ours[group].Where(i => expected.ContainsKey(i.Key));
            IEnumerable<MatchItem> OpenTheirs() => theirs[group].Where(i => actual.ContainsKey(i.Key));

            // A whole day of a group first, when both sides add up exactly (a day's handovers deposited on slips cut at
            // arbitrary amounts, on that day or within the tolerance after it): the subset searches below look at
            // neighbouring days too, and could take a few of this day's items that happen to sum to another day's slip.
            if (group.Length > 0)
            {
                foreach (var day in OpenOurs().Select(i => i.Date).Distinct().ToList())
                {
                    var restExpected = OpenOurs().Where(i => i.Date == day).ToList();
                    foreach (var horizon in new[] { 0, options.DateToleranceDays }.Distinct())
                    {
                        var restActual = OpenTheirs().Where(i => i.Date >= day && i.Date.DayNumber - day.DayNumber <= horizon).ToList();
                        if (restExpected.Count > 0 && restActual.Count > 0 && restExpected.Count + restActual.Count <= options.MaxGroupSize
                            && Sum(restExpected) == Sum(restActual))
                        {
                            record(MatchRule.Combination, restExpected, restActual);
                            break;
                        }
                    }
                }
            }

            // Then many of ours to one of theirs (a deposit of several handovers, a payout of many payments)...
            foreach (var one in theirs[group])
            {
                if (actual.ContainsKey(one.Key) && FindSubset(one, OpenOurs(), options) is { } subset)
                {
                    record(MatchRule.Combination, subset, [one]);
                }
            }

            // ...and one of ours to many of theirs (a handover deposited on two slips).
            foreach (var one in ours[group])
            {
                if (expected.ContainsKey(one.Key) && FindSubset(one, OpenTheirs(), options) is { } subset)
                {
                    record(MatchRule.Combination, [one], subset);
                }
            }
        }
    }

    /// <summary>Bounded subset-sum: the nearest-dated candidates of the same sign, at most MaxSubsetSize of them, adding up exactly.</summary>
    private static List<MatchItem>? FindSubset(MatchItem target, IEnumerable<MatchItem> pool, MatchingOptions options)
    {
        var goal = target.Amount.ToMinorUnits();
        if (goal == 0)
        {
            return null;
        }

        var sign = Math.Sign(goal);
        var candidates = pool
            .Where(i => Math.Abs(i.Date.DayNumber - target.Date.DayNumber) <= options.DateToleranceDays)
            .Select(i => (Item: i, Fen: i.Amount.ToMinorUnits() * sign))
            .Where(c => c.Fen > 0 && c.Fen <= goal * sign)
            .OrderBy(c => Math.Abs(c.Item.Date.DayNumber - target.Date.DayNumber)).ThenBy(c => c.Item.Key, StringComparer.Ordinal)
            .Take(options.MaxSubsetCandidates)
            .OrderByDescending(c => c.Fen).ThenBy(c => c.Item.Key, StringComparer.Ordinal)
            .ToArray();
        if (candidates.Length < 2)
        {
            return null;
        }

        var suffix = new long[candidates.Length + 1];
        for (var i = candidates.Length - 1; i >= 0; i--)
        {
            suffix[i] = suffix[i + 1] + candidates[i].Fen;
        }

        var chosen = new List<int>();
        return Search(0, goal * sign) ? [.. chosen.Select(i => candidates[i].Item)] : null;

        bool Search(int from, long remaining)
        {
            if (remaining == 0)
            {
                return chosen.Count >= 2;
            }

            if (chosen.Count == options.MaxSubsetSize || from == candidates.Length || suffix[from] < remaining)
            {
                return false;
            }

            for (var i = from; i < candidates.Length; i++)
            {
                if (candidates[i].Fen > remaining)
                {
                    continue;
                }

                chosen.Add(i);
                if (Search(i + 1, remaining - candidates[i].Fen))
                {
                    return true;
                }

                chosen.RemoveAt(chosen.Count - 1);
            }

            return false;
        }
    }

    private static IReadOnlyList<string> Suggest(MatchItem item, IReadOnlyList<MatchItem> others, MatchingOptions options) =>
        others
            .Where(o => (o.Reference is not null && item.Reference is not null && Normalise(o.Reference) == Normalise(item.Reference))
                || (o.Amount == item.Amount && Math.Abs(o.Date.DayNumber - item.Date.DayNumber) <= options.DateToleranceDays * 3))
            .OrderBy(o => Math.Abs((o.Amount - item.Amount).Amount)).ThenBy(o => Math.Abs(o.Date.DayNumber - item.Date.DayNumber))
            .Take(3)
            .Select(o => o.Key)
            .ToArray();

    private static int Age(DateOnly date, DateOnly today) => Math.Max(0, today.DayNumber - date.DayNumber);

    private static Money Sum(IEnumerable<MatchItem> items) => items.Aggregate(Money.Zero, (sum, i) => sum + i.Amount);

    private static string Normalise(string reference) => reference.Trim().ToUpperInvariant();
}
