using Microsoft.AspNetCore.Components;

namespace Portal.Infrastructure.Documents;

/// <summary>
/// Printable documents: a Razor component rendered to a complete HTML page (the browser-printable version) and the
/// same page printed to PDF by headless Chromium.
/// </summary>
public interface IDocumentRenderer
{
    /// <summary>True once the warm browser is running; the readiness check reports it.</summary>
    bool BrowserStarted { get; }

    /// <summary>Renders the component into a full A4 print page whose id is a hash of its content.</summary>
    Task<RenderedDocument> RenderHtmlAsync<TComponent>(string title, IDictionary<string, object?> parameters)
        where TComponent : IComponent;

    /// <summary>Prints a rendered page to PDF, or gives back the PDF of the same page printed before.</summary>
    Task<byte[]> PrintPdfAsync(RenderedDocument document, CancellationToken cancellationToken = default);

    /// <summary>Starts the browser ahead of the first document.</summary>
    Task WarmUpAsync(CancellationToken cancellationToken = default);
}

/// <summary>A document's complete HTML and its id (the same content always has the same id).</summary>
public sealed record RenderedDocument(string Id, string Title, string Html);
