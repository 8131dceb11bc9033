using System.Linq.Expressions;

namespace Portal.Web.Common.Paging;

/// <summary>
/// The columns a list may be sorted by (the row's property names, as the grid sends them), each bound to an
/// expression the database can order by. An unknown name falls back to the list's default order, so a value from
/// the browser never becomes an expression.
/// </summary>
public sealed class SortColumns<T>
{
    private readonly Dictionary<string, Func<IQueryable<T>, bool, IOrderedQueryable<T>>> columns = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Func<IOrderedQueryable<T>, bool, IOrderedQueryable<T>>> thenColumns = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="reversed">The key grows as the column shrinks (an age sorted by its creation time).</param>
    public SortColumns<T> Add<TKey>(string name, Expression<Func<T, TKey>> key, bool reversed = false)
    {
        columns[name] = (q, descending) => descending != reversed ? q.OrderByDescending(key) : q.OrderBy(key);
        thenColumns[name] = (q, descending) => descending != reversed ? q.ThenByDescending(key) : q.ThenBy(key);
        return this;
    }

    /// <summary>Orders by the requested column (or the default order), then by <paramref name="tieBreaker"/> so pages never overlap.</summary>
    public IOrderedQueryable<T> Apply(IQueryable<T> query, ListRequest request, Func<IQueryable<T>, IOrderedQueryable<T>> defaultOrder, string tieBreaker)
    {
        if (request.SortBy is not { } name || !columns.TryGetValue(name, out var order))
        {
            return defaultOrder(query);
        }

        var ordered = order(query, request.Descending);
        return string.Equals(name, tieBreaker, StringComparison.OrdinalIgnoreCase) ? ordered : thenColumns[tieBreaker](ordered, false);
    }
}
