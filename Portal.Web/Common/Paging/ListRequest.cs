using Microsoft.EntityFrameworkCore;

namespace Portal.Web.Common.Paging;

/// <summary>
/// One page of a list, as the list components ask for it: page index from 0, page size, and an optional sort key
/// that the query maps to a column (unknown keys fall back to the query's default order).
/// </summary>
public sealed record ListRequest(int Page = 0, int PageSize = ListRequest.DefaultPageSize, string? SortBy = null, bool Descending = false)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public int Skip => Math.Max(0, Page) * Size;

    /// <summary>Values from the browser are clamped, never trusted.</summary>
    public int Size => Math.Clamp(PageSize, 1, MaxPageSize);
}

/// <summary>The rows of one page and how many rows match in all.</summary>
public sealed record ListPage<T>(IReadOnlyList<T> Items, int Total)
{
    public static ListPage<T> Empty { get; } = new([], 0);
}

public static class ListQueryExtensions
{
    /// <summary>Counts the matches and reads one page; the query must already be ordered.</summary>
    public static async Task<ListPage<T>> ToListPageAsync<T>(this IQueryable<T> ordered, ListRequest request, CancellationToken cancellationToken)
    {
        var total = await ordered.CountAsync(cancellationToken);
        var items = await ordered.Skip(request.Skip).Take(request.Size).ToListAsync(cancellationToken);
        return new ListPage<T>(items, total);
    }
}
