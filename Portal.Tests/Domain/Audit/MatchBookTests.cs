using Portal.Domain.Audit;
using Portal.Domain.Shared;
using static Portal.Tests.Domain.DomainTestData;

namespace Portal.Tests.Domain.Audit;

public class MatchBookTests
{
    private static readonly DateOnly Day = new(2025, 6, 1);
    private static readonly MatchingOptions Options = MatchingOptions.Default;

    private static MatchItem Item(string key, decimal yuan, int dayOffset = 0, string? reference = null, string? group = null) =>
        new(key, Money.Yuan(yuan), Day.AddDays(dayOffset), reference, group);

    [Fact]
    public void Exact_reference_wins_over_an_equal_amount_on_the_same_day()
    {
        var book = new MatchBook();
        var decisions = book.Run(
            [Item("deposit:A", 100, reference: "DS-1")],
            [Item("bank:1", 100), Item("bank:2", 100, 1, reference: "ds-1")],
            Options, Now);

        var match = Assert.Single(decisions);
        Assert.Equal(MatchRule.Reference, match.Rule);
        Assert.Equal(["bank:2"], match.Actual);
        Assert.Equal(MatchBook.System, match.DecidedBy);
    }

    [Fact]
    public void Matches_an_amount_within_the_date_tolerance_and_not_beyond_it()
    {
        var book = new MatchBook();
        book.Run([Item("e1", 250.5m), Item("e2", 99)], [Item("a1", 250.5m, 3), Item("a2", 99, 4)], Options, Now);

        Assert.Equal(MatchRule.AmountAndDate, book.MatchOfExpected("e1")!.Rule);
        Assert.False(book.IsExpectedMatched("e2"));
        Assert.False(book.IsActualMatched("a2"));
    }

    [Fact]
    public void Different_references_never_match_on_amount_alone()
    {
        var book = new MatchBook();
        book.Run([Item("e1", 80, reference: "POS-1")], [Item("a1", 80, reference: "POS-2")], Options, Now);

        Assert.Empty(book.Matches);
    }

    [Fact]
    public void Several_handovers_match_one_deposit_and_one_handover_matches_a_split_deposit()
    {
        var book = new MatchBook();
        book.Run(
            [Item("h1", 120, group: "tianhe"), Item("h2", 80.2m, group: "tianhe"), Item("h3", 500, group: "haizhu")],
            [Item("s1", 200.2m, group: "tianhe"), Item("s2", 300, group: "haizhu"), Item("s3", 200, group: "haizhu")],
            Options, Now);

        var tianhe = book.MatchOfActual("s1")!;
        Assert.Equal(MatchRule.Combination, tianhe.Rule);
        Assert.Equal(["h1", "h2"], tianhe.Expected.Order());
        Assert.Equal(["s2", "s3"], book.MatchOfExpected("h3")!.Actual.Order());
    }

    [Fact]
    public void Whatever_is_left_of_a_group_matches_when_it_adds_up_exactly()
    {
        var book = new MatchBook();
        book.Run(
            [Item("h1", 100, group: "tianhe"), Item("h2", 100, group: "tianhe")],
            [Item("s1", 150, group: "tianhe"), Item("s2", 50, group: "tianhe")],
            Options, Now);

        var match = Assert.Single(book.Matches);
        Assert.Equal(2, match.Expected.Count);
        Assert.Equal(2, match.Actual.Count);
    }

    [Fact]
    public void A_neighbouring_days_slip_never_takes_items_of_a_day_that_adds_up_on_its_own()
    {
        // Two of the first day's handovers (700 + 300) sum to the second day's slip: a subset search alone would
        // take them and leave both days open.
        decimal[] first = [100, 200, 300, 400, 500, 600, 700];
        decimal[] second = [110, 120, 130, 140, 150, 160, 190];
        var book = new MatchBook();
        book.Run(
            [
                .. first.Select((yuan, i) => Item($"a{i}", yuan, 0, group: "tianhe")),
                .. second.Select((yuan, i) => Item($"b{i}", yuan, 1, group: "tianhe")),
            ],
            [Item("s1", first.Sum(), 0, group: "tianhe"), Item("s2", second.Sum(), 1, group: "tianhe")],
            Options, Now);

        Assert.Equal(["a0", "a1", "a2", "a3", "a4", "a5", "a6"], book.MatchOfActual("s1")!.Expected.Order());
        Assert.Equal(["b0", "b1", "b2", "b3", "b4", "b5", "b6"], book.MatchOfActual("s2")!.Expected.Order());
    }

    [Fact]
    public void Running_again_decides_nothing_new()
    {
        IReadOnlyList<MatchItem> expected = [Item("e1", 10, reference: "R1"), Item("e2", 20), Item("e3", 5, group: "g"), Item("e4", 6, group: "g")];
        IReadOnlyList<MatchItem> actual = [Item("a1", 10, reference: "R1"), Item("a2", 20, 1), Item("a3", 11, group: "g"), Item("a4", 77)];
        var book = new MatchBook();
        Assert.Equal(3, book.Run(expected, actual, Options, Now).Count);

        Assert.Empty(book.Run(expected, actual, Options, Now.AddHours(1)));
        Assert.Empty(new MatchBook(book.History).Run(expected, actual, Options, Now.AddHours(2)));
    }

    [Fact]
    public void An_unmatched_pair_is_left_to_a_person_and_a_hand_match_records_who_and_the_difference()
    {
        IReadOnlyList<MatchItem> expected = [Item("deposit:1", 100)];
        IReadOnlyList<MatchItem> actual = [Item("bank:1", 100), Item("bank:2", 99.5m)];
        var book = new MatchBook();
        var auto = Assert.Single(book.Run(expected, actual, Options, Now));

        var undo = book.Unmatch(auto.Key, "wrong line", "finance.zhou", Now);
        Assert.Equal(auto.Key, undo.Undoes);
        Assert.Empty(book.Run(expected, actual, Options, Now));
        Assert.Equal(3, book.Worklist(AuditTier.Finance, expected, actual, Day, Options).Count);

        var hand = book.MatchByHand([expected[0]], [actual[1]], "finance.zhou", Now, "bank fee 0.50");
        Assert.Equal(MatchRule.Hand, hand.Rule);
        Assert.Equal(Money.Yuan(-0.5m), hand.Difference);
        var work = book.Worklist(AuditTier.Finance, expected, actual, Day.AddDays(2), Options);
        Assert.Contains(work, w => w.Kind == WorkItemKind.Mismatch && w.Amount == Money.Yuan(-0.5m) && w.AgeDays == 2);
        Assert.Contains(work, w => w.Kind == WorkItemKind.UnmatchedActual && w.Key == "bank:1");
        Assert.DoesNotContain(
            book.Worklist(AuditTier.Finance, expected, actual, Day, Options, new HashSet<string> { hand.Key.ToString() }),
            w => w.Kind == WorkItemKind.Mismatch);

        var replayed = new MatchBook(book.History);
        Assert.Equal(hand.Key, replayed.MatchOfExpected("deposit:1")!.Key);
    }

    [Fact]
    public void A_hand_match_refuses_items_already_matched()
    {
        var book = new MatchBook();
        book.Run([Item("e1", 10)], [Item("a1", 10)], Options, Now);

        Throws(() => book.MatchByHand([Item("e1", 10)], [Item("a2", 10)], "finance.zhou", Now), "audit.already_matched");
        Throws(() => book.MatchByHand([], [Item("a2", 10)], "finance.zhou", Now), "audit.match_needs_both_sides");
    }

    [Fact]
    public void The_worklist_suggests_nearby_items_of_the_same_amount()
    {
        var book = new MatchBook();
        IReadOnlyList<MatchItem> expected = [Item("e1", 42, reference: "X")];
        IReadOnlyList<MatchItem> actual = [Item("a1", 42, 5), Item("a2", 41, reference: "X")];
        book.Run(expected, actual, Options, Now);

        var item = Assert.Single(book.Worklist(AuditTier.Station, expected, actual, Day, Options), w => w.Key == "e1");
        Assert.Equal(["a1", "a2"], item.Suggestions.Order());
    }
}
