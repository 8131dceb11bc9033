using Portal.Domain.Common;

namespace Portal.Domain.Dispatch;

/// <summary>
/// A photo the courier took at a failed attempt (the closed door, the wrong house number), for the dispatcher.
/// Kept in its own row, apart from the delivery, so reading a run never loads megabytes of images.
/// </summary>
public sealed class DeliveryPhoto : Entity
{
    public const int MaxBytes = 5 * 1024 * 1024;

    /// <summary>What a phone camera produces; each is recognised by its first bytes, not by what the browser claims.</summary>
    public static readonly IReadOnlyList<string> ContentTypes = ["image/jpeg", "image/png", "image/webp"];

    private DeliveryPhoto()
    {
        ContentType = null!;
        Content = null!;
    }

    public long DeliveryId { get; private set; }

    public long CourierId { get; private set; }

    /// <summary>Which failed attempt of the delivery it belongs to (1 for the first).</summary>
    public int Attempt { get; private set; }

    public string ContentType { get; private set; }

    public byte[] Content { get; private set; }

    public int Size { get; private set; }

    public DateTime TakenAtUtc { get; private set; }

    /// <summary>The courier of the stop adds a photo to the attempt that just failed.</summary>
    public static DeliveryPhoto AtFailedAttempt(Delivery delivery, long courierId, string contentType, byte[] content, DateTime nowUtc)
    {
        if (!delivery.IsWith(courierId))
        {
            throw new DomainException("delivery.not_your_stop", "This stop is not on your run");
        }

        if (delivery.Status != DeliveryStatus.FailedAttempt)
        {
            throw new DomainException("delivery.photo_not_failed", "A photo is added to a failed attempt only");
        }

        if (Problem(contentType, content) is { } problem)
        {
            throw new DomainException("delivery.photo_invalid", problem);
        }

        return new DeliveryPhoto
        {
            DeliveryId = delivery.Id,
            CourierId = courierId,
            Attempt = delivery.FailedAttempts,
            ContentType = contentType,
            Content = content,
            Size = content.Length,
            TakenAtUtc = nowUtc,
        };
    }

    /// <summary>Null when the bytes are an image of the declared type within the size limit, otherwise why not.</summary>
    public static string? Problem(string? contentType, byte[]? content)
    {
        if (content is null || content.Length == 0)
        {
            return "The photo is empty";
        }

        if (content.Length > MaxBytes)
        {
            return "The photo is larger than 5 MB";
        }

        if (contentType is null || !ContentTypes.Contains(contentType))
        {
            return "Only JPEG, PNG or WebP photos can be added";
        }

        return SignatureOf(content) == contentType ? null : "The file is not the image it claims to be";
    }

    private static string? SignatureOf(ReadOnlySpan<byte> c) => c switch
    {
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => "image/png",
        [0x52, 0x49, 0x46, 0x46, _, _, _, _, 0x57, 0x45, 0x42, 0x50, ..] => "image/webp",
        _ => null,
    };
}
