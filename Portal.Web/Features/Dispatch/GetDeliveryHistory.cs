using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Dispatch;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Dispatch;

/// <summary>One delivery's timeline for the dispatcher, with the photos couriers took at failed attempts.</summary>
public static class GetDeliveryHistory
{
    [AuthorizeRequest(Roles.Dispatcher)]
    public sealed record Query(long DeliveryId) : IRequest<History>;

    public sealed record History(long DeliveryId, string TrackingCode, DeliveryStatus Status, string Window, IReadOnlyList<Step> Timeline, IReadOnlyList<PhotoLine> Photos);

    public sealed record Step(DateTime AtUtc, DeliveryStatus Status, string Actor, string? Note);

    public sealed record PhotoLine(long Id, int Attempt, DateTime TakenAtUtc, int Size);

    internal sealed class Handler(PortalDbContext db) : IRequestHandler<Query, History>
    {
        public async Task<History> Handle(Query request, CancellationToken cancellationToken)
        {
            var d = await db.Deliveries.AsNoTracking().FirstOrDefaultAsync(x => x.Id == request.DeliveryId, cancellationToken)
                ?? throw new NotFoundException($"Delivery {request.DeliveryId}");
            var photos = await db.DeliveryPhotos.AsNoTracking().Where(p => p.DeliveryId == d.Id).OrderBy(p => p.Id)
                .Select(p => new PhotoLine(p.Id, p.Attempt, p.TakenAtUtc, p.Size)).ToListAsync(cancellationToken);
            var name = await PeopleNames.NamerAsync(db, d.Timeline.Select(t => t.Actor), cancellationToken);
            return new History(
                d.Id,
                d.TrackingCode.Value,
                d.Status,
                $"{d.Window.Date:yyyy-MM-dd} {d.Window.From:HH\\:mm}-{d.Window.To:HH\\:mm}",
                [.. d.Timeline.OrderBy(t => t.AtUtc).Select(t => new Step(t.AtUtc, t.ToStatus, name(t.Actor) ?? t.Actor, t.Note))],
                photos);
        }
    }
}

/// <summary>The bytes of one failed-attempt photo, for the dispatcher's browser.</summary>
public static class GetDeliveryPhoto
{
    [AuthorizeRequest(Roles.Dispatcher)]
    public sealed record Query(long PhotoId) : IRequest<Image>;

    public sealed record Image(string ContentType, byte[] Content);

    internal sealed class Handler(PortalDbContext db) : IRequestHandler<Query, Image>
    {
        public async Task<Image> Handle(Query request, CancellationToken cancellationToken) =>
            await db.DeliveryPhotos.AsNoTracking().Where(p => p.Id == request.PhotoId)
                .Select(p => new Image(p.ContentType, p.Content)).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException($"Photo {request.PhotoId}");
    }

    public static void MapDeliveryPhotos(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/dispatch/photos/{photoId:long}", async (long photoId, HttpContext http, Common.ScopedSender sender, CancellationToken ct) =>
            {
                var image = await sender.Send(new Query(photoId), http.User, ct);
                // Only the three checked image types are ever stored; nosniff keeps the browser to the declared one.
                http.Response.Headers.XContentTypeOptions = "nosniff";
                return Results.File(image.Content, image.ContentType);
            })
            .AddEndpointFilter<Common.Errors.ProblemMappingFilter>()
            .ExcludeFromDescription();
}
