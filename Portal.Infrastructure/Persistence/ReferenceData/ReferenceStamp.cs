namespace Portal.Infrastructure.Persistence.ReferenceData;

/// <summary>
/// One row whose stamp changes, in the same transaction, whenever the data every order reads (products, policies,
/// stock locations, API clients) changes. Each node reads it once per request — a primary-key lookup — and keeps
/// its copy of that data while the stamp is the one it loaded it under, so a change on any node is seen by the next
/// request on every other. A new random stamp, not a counter: two concurrent changes can never leave the same value
/// a node has cached, and no lost update can hide one of them.
/// </summary>
public sealed class ReferenceStamp
{
    public const int SingleId = 1;

    private ReferenceStamp() { }

    public int Id { get; private set; }

    public Guid Stamp { get; private set; }

    /// <summary>Stands for the stored row, so it can be updated without reading it first.</summary>
    internal static ReferenceStamp Row() => new() { Id = SingleId };

    internal void Renew() => Stamp = Guid.NewGuid();
}
