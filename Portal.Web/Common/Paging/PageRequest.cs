using System.Linq.Expressions;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Portal.Web.Common.Paging;

/// <summary>
/// Which slice of a growing list to return: a zero-based page, its size and one sort column (a name the query
/// publishes in its <see cref="SortColumns{T}"/>; null means the query's own default order).
/// </summary>
public sealed record PageRequest(int Page = 0, int PageSize = PageRequest.DefaultSize, string? SortBy = null, bool Descending = false)
{
    public const int DefaultSize = 25;
    public const int MaxSize = 100;

    public static PageRequest First { get; } = new();
}

/// <summary>One page of rows and how many rows match in all, so a grid can draw its pager.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Rows, int TotalCount);

/// <summary>
/// The columns a list may be sorted by, each bound to an expression the database can order by. Unknown names are
/// refused by validation, so a value from the browser never reaches the query as an expression.
/// </summary>
public sealed class SortColumns<T>
{
    private readonly Dictionary<string, Func<IQueryable<T>, bool, IOrderedQueryable<T>>> columns = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Func<IOrderedQueryable<T>, bool, IOrderedQueryable<T>>> thenColumns = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<string> Names => columns.Keys;

    /// <param name="reversed">The key grows as the column shrinks (an age sorted by its creation time).</param>
    public SortColumns<T> Add<TKey>(string name, Expression<Func<T, TKey>> key, bool reversed = false)
    {
        columns[name] = (q, descending) => descending != reversed ? q.OrderByDescending(key) : q.OrderBy(key);
        thenColumns[name] = (q, descending) => descending != reversed ? q.ThenByDescending(key) : q.ThenBy(key);
        return this;
    }

    public bool Knows(string? name) => name is null || columns.ContainsKey(name);

    /// <summary>Orders by the requested column, then by <paramref name="tieBreaker"/> so pages never overlap.</summary>
    public IOrderedQueryable<T> Apply(IQueryable<T> query, PageRequest page, string defaultColumn, bool descending, string tieBreaker)
    {
        var (name, desc) = page.SortBy is { } requested ? (requested, page.Descending) : (defaultColumn, descending);
        var ordered = columns[name](query, desc);
        return string.Equals(name, tieBreaker, StringComparison.OrdinalIgnoreCase) ? ordered : thenColumns[tieBreaker](ordered, false);
    }
}

public static class Paging
{
    /// <summary>Counts the matches, then reads only the requested page.</summary>
    public static async Task<(List<T> Rows, int Total)> PageAsync<T>(this IQueryable<T> query, PageRequest page, CancellationToken cancellationToken)
    {
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.Skip(page.Page * page.PageSize).Take(page.PageSize).ToListAsync(cancellationToken);
        return (rows, total);
    }

    /// <summary>The rules every paged query shares: a page that exists, a sensible size and a known sort column.</summary>
    public static IRuleBuilderOptions<TRequest, PageRequest?> ValidPage<TRequest, T>(this IRuleBuilder<TRequest, PageRequest?> rule, SortColumns<T> sort) =>
        rule.Must(p => p is null || p.Page >= 0).WithMessage("The page number cannot be negative.")
            .Must(p => p is null || p.PageSize is >= 1 and <= PageRequest.MaxSize).WithMessage("A page holds 1 to 100 rows.")
            .Must(p => p is null || sort.Knows(p.SortBy)).WithMessage("This list cannot be sorted that way.");
}
