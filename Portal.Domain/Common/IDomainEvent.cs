namespace Portal.Domain.Common;

/// <summary>Something that happened in the domain; dispatched after the transaction that raised it commits.</summary>
public interface IDomainEvent
{
    DateTime OccurredAtUtc { get; }
}
