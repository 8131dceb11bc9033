using Portal.Domain.Dispatch;

namespace Portal.Tests.Domain.Dispatch;

public sealed class DeliveryPhotoTests
{
    public static TheoryData<string, byte[]> Images => new()
    {
        { "image/jpeg", [0xFF, 0xD8, 0xFF, 0xE1, 0x00] },
        { "image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00] },
        { "image/webp", [0x52, 0x49, 0x46, 0x46, 0x10, 0x00, 0x00, 0x00, 0x57, 0x45, 0x42, 0x50, 0x56] },
    };

    [Theory]
    [MemberData(nameof(Images))]
    public void A_camera_image_is_accepted_by_its_first_bytes(string contentType, byte[] content) =>
        Assert.Null(DeliveryPhoto.Problem(contentType, content));

    [Theory]
    [InlineData("image/gif", "Only JPEG, PNG or WebP photos can be added")]
    [InlineData("image/svg+xml", "Only JPEG, PNG or WebP photos can be added")]
    [InlineData("image/png", "The file is not the image it claims to be")]
    public void Other_types_and_a_jpeg_labelled_as_png_are_refused(string contentType, string problem) =>
        Assert.Equal(problem, DeliveryPhoto.Problem(contentType, [0xFF, 0xD8, 0xFF, 0xE0]));

    [Fact]
    public void An_empty_photo_is_refused() => Assert.Equal("The photo is empty", DeliveryPhoto.Problem("image/jpeg", []));
}
