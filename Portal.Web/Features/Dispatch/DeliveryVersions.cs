using Portal.Domain.Common;

namespace Portal.Web.Features.Dispatch;

using Delivery = Portal.Domain.Dispatch.Delivery;

/// <summary>
/// The board's guard against lost updates: an action is taken on the version of the delivery the dispatcher saw.
/// Commands run one at a time per database (an immediate transaction on SQLite, the version check on the server
/// engines), so when a colleague acted first the second dispatcher is told instead of overwriting it.
/// </summary>
internal static class DeliveryVersions
{
    public static void EnsureSeen(Delivery delivery, int expectedVersion)
    {
        if (delivery.Version != expectedVersion)
        {
            throw new DomainException(
                "delivery.changed", $"Delivery {delivery.TrackingCode} was changed by someone else (it is {delivery.Status}); reload the board");
        }
    }
}
