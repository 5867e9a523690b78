namespace CatalogHub.Platform;

/// <summary>
/// The <c>page</c> and <c>pageSize</c> of a paged read, checked in one place: both at least 1, the size at most the
/// read's maximum, and the page bounded so that the row offset always fits (an unbounded page overflowed it into a
/// negative OFFSET that PostgreSQL refuses).
/// </summary>
public readonly record struct Paging(int Page, int PageSize)
{
    public const int MaxPage = 1_000_000;
    public const int DefaultPageSize = 50;

    public int Offset => (Page - 1) * PageSize;

    public static Paging Read(Validation input, int? page, int? pageSize, int maxPageSize)
    {
        input.Check(page is null or (>= 1 and <= MaxPage), "page", "out-of-range", $"must be between 1 and {MaxPage}.");
        input.Check(pageSize is null || (pageSize >= 1 && pageSize <= maxPageSize), "pageSize", "out-of-range", $"must be between 1 and {maxPageSize}.");
        return new Paging(page ?? 1, pageSize ?? DefaultPageSize);
    }
}
