using UglyToad.PdfPig;

namespace Portal.Tests.Features.Documents;

/// <summary>What a reader of the PDF sees: its text page by page, as PdfPig extracts it.</summary>
internal sealed record PdfText(IReadOnlyList<string> Pages)
{
    public string All => string.Join("\n", Pages);

    public static PdfText Of(byte[] pdf)
    {
        Assert.True(pdf.Length > 4 && pdf[0] == '%' && pdf[1] == 'P' && pdf[2] == 'D' && pdf[3] == 'F', "not a PDF");
        using var document = PdfDocument.Open(pdf);
        return new PdfText([.. document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text)))]);
    }

    public static async Task<PdfText> Fetch(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        return Of(await response.Content.ReadAsByteArrayAsync());
    }
}
